package io.aperture.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A horizontal bar chart drawn as SVG by the template {@code StaffDashboard/chart.html}: one labelled bar per group with
 * its value written beside it, so it reads without colour; the SVG's description repeats every value for screen
 * readers. This holds only the geometry.
 */
public record BarChart(String id, String title, List<Bar> bars) {
    static final int ROW = 22;
    static final int LABEL_WIDTH = 150;
    static final int BAR_WIDTH = 260;
    static final int WIDTH = LABEL_WIDTH + BAR_WIDTH + 90;
    private static final int LABEL_CHARS = 22;

    /** One bar: the label as shown (shortened) and in full, its value as text, its position and length. */
    public record Bar(String label, String fullLabel, String value, int y, int length) {
        public int textY() {
            return y + ROW / 2 + 4;
        }
    }

    /** A chart of {@code groups}, the bar lengths proportional to {@code value}, written by {@code format}. */
    static <T> BarChart of(String id, String title, List<T> groups, Function<T, String> label, ToLongFunction<T> value,
                           LongFunction<String> format) {
        long max = Math.max(1, groups.stream().mapToLong(value).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            T g = groups.get(i);
            String full = label.apply(g);
            String shown = full.length() > LABEL_CHARS ? full.substring(0, LABEL_CHARS - 1) + "…" : full;
            long v = value.applyAsLong(g);
            int length = v == 0 ? 0 : Math.max(2, (int) Math.round((double) v * BAR_WIDTH / max));
            bars.add(new Bar(shown, full, format.apply(v), i * ROW, length));
        }
        return new BarChart(id, title, bars);
    }

    public int height() {
        return Math.max(ROW, bars.size() * ROW);
    }

    public int width() {
        return WIDTH;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    /** The chart in words: every label with its value. */
    public String description() {
        return bars.isEmpty() ? "No data." : bars.stream().map(b -> b.fullLabel() + ": " + b.value()).collect(Collectors.joining("; ")) + ".";
    }

    /** Bytes as people read them (1 KiB = 1024 bytes). */
    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
