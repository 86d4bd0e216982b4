package io.aperture.harvester.conformance;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NXdata tagging: {@code @signal} names a dataset of the group, {@code @axes} names one dataset (or ".") per
 * dimension of the signal, {@code AXISNAME_indices} name existing axes and dimensions; the pre-2014 style
 * ({@code signal=1}, {@code axis=}, {@code axes="a:b"} on datasets) is flagged as legacy.
 */
final class PlotCheck {

    private PlotCheck() {
    }

    static void run(CheckContext cx) {
        for (H5Group g : cx.tree.groups) {
            if ("NXdata".equals(g.nxClass())) {
                cx.budget.check();
                nxdata(cx, g);
            }
        }
    }

    private static void nxdata(CheckContext cx, H5Group g) {
        List<H5Dataset> datasets = g.children().stream().filter(H5Dataset.class::isInstance).map(H5Dataset.class::cast).toList();
        boolean legacy = datasets.stream().anyMatch(d -> d.attributes().containsKey("signal")
                || d.attributes().containsKey("axis") || d.attributes().containsKey("axes"));
        if (legacy) {
            cx.sink.warning(g.path(), Rule.LEGACY_PLOT, "pre-2014 plot tagging (signal=1/axis=/axes on datasets); "
                    + "write @signal and @axes on the NXdata group");
        }
        String signal = g.textAttribute("signal");
        Integer rank = null;
        if (signal == null) {
            if (!legacy && !g.children().isEmpty()) {
                cx.sink.warning(g.path(), Rule.NXDATA, "NXdata without @signal: nothing says which dataset to plot");
            }
        } else {
            Optional<H5Node> s = g.child(signal);
            if (s.isEmpty() && !cx.tree.has(g, signal)) {
                cx.sink.error(g.path() + "@signal", Rule.NXDATA, "@signal names " + signal + ", which is not in the group");
            } else if (s.isPresent() && s.get() instanceof H5Dataset d) {
                rank = d.shape().length;
            }
        }
        H5Value axes = g.attributes().get("axes");
        if (axes != null) {
            List<String> names = axes.isText() ? axes.texts().stream().map(String::strip).toList() : List.of();
            for (String a : names) {
                if (!a.equals(".") && !cx.tree.has(g, a)) {
                    cx.sink.error(g.path() + "@axes", Rule.NXDATA, "@axes names " + a + ", which is not in the group");
                }
            }
            if (rank != null && !names.isEmpty() && names.size() != Math.max(rank, 1)) {
                cx.sink.warning(g.path() + "@axes", Rule.NXDATA, "@axes has " + names.size() + " names for a signal of rank "
                        + rank);
            }
        }
        for (Map.Entry<String, H5Value> a : g.attributes().entrySet()) {
            String key = a.getKey();
            if (!key.endsWith("_indices") || key.length() <= "_indices".length()) {
                continue;
            }
            String axis = key.substring(0, key.length() - "_indices".length());
            if (!cx.tree.has(g, axis)) {
                cx.sink.warning(g.path() + "@" + key, Rule.NXDATA, "@" + key + " is set, but there is no " + axis);
            }
            if (rank != null && a.getValue().isNumeric()) {
                for (double i : a.getValue().numbers()) {
                    if (i < 0 || i >= Math.max(rank, 1)) {
                        cx.sink.error(g.path() + "@" + key, Rule.NXDATA, "@" + key + " names dimension " + (long) i
                                + ", the signal has rank " + rank);
                    }
                }
            }
        }
    }
}
