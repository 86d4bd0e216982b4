package io.aperture.harvester.preview;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Value;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Renders a NeXus default plot's signal as a small PNG from a bounded, decimated read: never the whole dataset. 1-D
 * signals are drawn as a line (min/max per pixel column over sampled blocks), 2-D as a grey-scale image (sampled rows,
 * each decimated to the image width), higher ranks as the middle slice of their leading dimensions. Reading stops at
 * {@link Budget#elements()} values or {@link Budget#time()}, whichever comes first: then there is no preview.
 */
public final class PlotPreview {

    /** What one file's preview may cost: values read, and wall time. */
    public record Budget(long elements, Duration time) {
        /** 1 048 576 values (8 MiB as doubles) and 2 seconds. */
        public static final Budget DEFAULT = new Budget(1 << 20, Duration.ofSeconds(2));
    }

    /** Reads a hyperslab of the signal, row-major, as doubles. */
    @FunctionalInterface
    public interface Slices {
        double[] read(long[] offset, int[] count) throws H5ReadException;
    }

    /** The image's longer side, in pixels. */
    public static final int SIZE = 256;
    /** Rows (2-D) or blocks (1-D) sampled at most. */
    static final int SAMPLES = SIZE;

    private final Budget budget;
    private final Clock clock;

    public PlotPreview(Budget budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
    }

    /** A PNG of a numeric signal dataset, or empty (see {@link #render(long[], Slices)}). */
    public Optional<byte[]> render(H5Dataset signal) throws H5ReadException {
        if (!signal.isNumeric()) {
            return Optional.empty();
        }
        return render(signal.shape(), (offset, count) -> {
            H5Value v = signal.readSlice(offset, count);
            if (v.numbers() == null) {
                throw new H5ReadException(signal.path() + ": not numbers");
            }
            return v.numbers();
        });
    }

    /** A PNG of the signal of this shape, or empty when it has no values or reading it would exceed the budget. */
    public Optional<byte[]> render(long[] shape, Slices slices) throws H5ReadException {
        if (shape == null || shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            return Optional.empty();
        }
        Reader reader = new Reader(slices, clock.instant().plus(budget.time()));
        try {
            return Optional.of(png(shape.length == 1 ? line(shape[0], reader) : image(shape, reader)));
        } catch (OverBudget e) {
            return Optional.empty();
        }
    }

    /** Counts values and watches the clock between reads. */
    private final class Reader {
        private final Slices slices;
        private final Instant deadline;
        private long read;

        Reader(Slices slices, Instant deadline) {
            this.slices = slices;
            this.deadline = deadline;
        }

        double[] read(long[] offset, int[] count) throws H5ReadException {
            long n = 1;
            for (int c : count) {
                n *= c;
            }
            if (read + n > budget.elements() || clock.instant().isAfter(deadline)) {
                throw new OverBudget();
            }
            read += n;
            return slices.read(offset, count);
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    private BufferedImage line(long length, Reader reader) throws H5ReadException {
        int columns = (int) Math.min(SIZE, length);
        // one block per column: at most SAMPLES reads sharing the budget, each centred on its column's span
        long perColumn = Math.max(1, Math.min(length / columns, budget.elements() / columns));
        double[] lo = new double[columns];
        double[] hi = new double[columns];
        for (int c = 0; c < columns; c++) {
            long start = c * length / columns;
            double[] values = reader.read(new long[]{start}, new int[]{(int) perColumn});
            lo[c] = Double.NaN;
            hi[c] = Double.NaN;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo[c] = Double.isNaN(lo[c]) ? v : Math.min(lo[c], v);
                    hi[c] = Double.isNaN(hi[c]) ? v : Math.max(hi[c], v);
                }
            }
        }
        double min = Arrays.stream(lo).filter(Double::isFinite).min().orElse(0);
        double max = Arrays.stream(hi).filter(Double::isFinite).max().orElse(1);
        double span = max > min ? max - min : 1;
        int height = SIZE / 2;
        BufferedImage img = new BufferedImage(SIZE, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1f, 0x4e, 0x79));
        g.setStroke(new BasicStroke(1.5f));
        int prevX = -1;
        int prevY = -1;
        for (int c = 0; c < columns; c++) {
            if (!Double.isFinite(lo[c])) {
                prevX = -1;
                continue;
            }
            int x = columns == 1 ? SIZE / 2 : c * (SIZE - 1) / (columns - 1);
            int yLo = y(lo[c], min, span, height);
            int yHi = y(hi[c], min, span, height);
            g.drawLine(x, yLo, x, yHi);
            int yMid = (yLo + yHi) / 2;
            if (prevX >= 0) {
                g.drawLine(prevX, prevY, x, yMid);
            }
            prevX = x;
            prevY = yMid;
        }
        g.dispose();
        return img;
    }

    private static int y(double v, double min, double span, int height) {
        return (int) Math.round((height - 4) * (1 - (v - min) / span)) + 2;
    }

    private BufferedImage image(long[] shape, Reader reader) throws H5ReadException {
        int rank = shape.length;
        long rows = shape[rank - 2];
        long cols = shape[rank - 1];
        int height = (int) Math.min(SAMPLES, rows);
        int width = (int) Math.min(SIZE, cols);
        // each sampled row is read whole when the budget allows, else a centred window of it
        long rowRead = Math.max(1, Math.min(cols, budget.elements() / height));
        long firstCol = (cols - rowRead) / 2;
        double[] pixels = new double[height * width];
        for (int r = 0; r < height; r++) {
            long[] offset = new long[rank];
            int[] count = new int[rank];
            for (int d = 0; d < rank - 2; d++) {
                offset[d] = shape[d] / 2; // the middle slice of every leading dimension
                count[d] = 1;
            }
            offset[rank - 2] = r * rows / height;
            count[rank - 2] = 1;
            offset[rank - 1] = firstCol;
            count[rank - 1] = (int) rowRead;
            double[] row = reader.read(offset, count);
            for (int c = 0; c < width; c++) {
                pixels[r * width + c] = row[(int) ((long) c * row.length / width)];
            }
        }
        return grey(pixels, width, height);
    }

    /** Grey levels between the 2nd and 98th percentile of the finite values (one hot pixel does not blank the rest). */
    private static BufferedImage grey(double[] pixels, int width, int height) {
        double[] finite = Arrays.stream(pixels).filter(Double::isFinite).sorted().toArray();
        double lo = finite.length == 0 ? 0 : finite[(int) (finite.length * 0.02)];
        double hi = finite.length == 0 ? 1 : finite[Math.min(finite.length - 1, (int) (finite.length * 0.98))];
        double span = hi > lo ? hi - lo : 1;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = pixels[r * width + c];
                int level = Double.isFinite(v) ? (int) Math.round(255 * Math.clamp((v - lo) / span, 0, 1)) : 0;
                img.getRaster().setSample(c, r, 0, level);
            }
        }
        return img;
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
