package io.aperture.harvester.nexus;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.record.DefaultPlot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Finds the default plot: the @default chain, else the first NXdata, else an old-style signal=1 dataset. */
final class DefaultPlotFinder {

    private DefaultPlotFinder() {
    }

    static DefaultPlot find(EntryContext cx, H5Group entry) {
        H5Group data = null;
        String def = cx.textAttr(entry, "default");
        if (def != null) {
            Optional<H5Node> n = cx.resolve(EntryContext.absolute(def, entry.path()));
            // @default may name an NXentry/NXsubentry/NXprocess that in turn has its own @default.
            for (int i = 0; i < 4 && n.isPresent() && n.get() instanceof H5Group g && !"NXdata".equals(g.nxClass()); i++) {
                String d = cx.textAttr(g, "default");
                n = d == null ? Optional.empty() : cx.resolve(EntryContext.absolute(d, g.path()));
            }
            if (n.isPresent() && n.get() instanceof H5Group g) {
                data = g;
            }
        }
        if (data == null) {
            data = EntryContext.first(entry, "NXdata").orElseGet(() -> cx.deepFirst("NXdata"));
        }
        if (data != null) {
            String signal = cx.textAttr(data, "signal");
            if (signal != null && data.dataset(signal).isPresent()) {
                return plot(cx, data, data.dataset(signal).get(), axesOf(data.attributes().get("axes")));
            }
            Optional<H5Dataset> old = oldStyleSignal(cx, data.children().stream()
                    .filter(H5Dataset.class::isInstance).map(H5Dataset.class::cast).toList());
            if (old.isPresent()) {
                return plot(cx, data, old.get(), axesOf(old.get().attributes().get("axes")));
            }
            if (signal != null) {
                return new DefaultPlot(data.path(), signal, axesOf(data.attributes().get("axes")), null, null);
            }
        }
        Optional<H5Dataset> old = oldStyleSignal(cx, cx.datasets);
        return old.map(d -> plot(cx, null, d, axesOf(d.attributes().get("axes")))).orElse(null);
    }

    private static DefaultPlot plot(EntryContext cx, H5Group data, H5Dataset signal, List<String> axes) {
        String path = data != null ? data.path() : EntryContext.parentPath(signal.path());
        return new DefaultPlot(path, signal.name(), axes, Arrays.stream(signal.shape()).boxed().toList(),
                cx.textAttr(signal, "units"));
    }

    // NeXus before 2014: the plottable dataset carries signal=1 and axes="x:y" (or "x,y").
    private static Optional<H5Dataset> oldStyleSignal(EntryContext cx, List<H5Dataset> candidates) {
        return candidates.stream().filter(d -> {
            H5Value s = d.attributes().get("signal");
            return s != null && s.number() != null && s.number() == 1.0;
        }).findFirst();
    }

    private static List<String> axesOf(H5Value axes) {
        if (axes == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (axes.isText()) {
            for (String t : axes.texts()) {
                if (t == null) {
                    continue;
                }
                for (String a : t.replace("[", "").replace("]", "").split("[:,\\s]+")) {
                    if (!a.isBlank()) {
                        out.add(a.strip());
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

}
