package io.aperture.bench.readers;

import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.FileSniffer;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.hdf5.VirtualDataset;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The same walk through the harvester's own reader interface (H5Source on jhdf 0.11), sniffer included. */
final class JhdfWalker implements Walker {
    private final JhdfSource source = new JhdfSource();

    @Override
    public String name() {
        return "jhdf";
    }

    @Override
    public WalkResult walk(Path file, int maxElements) {
        WalkResult r = new WalkResult();
        FileSignature sig;
        try {
            sig = FileSniffer.sniff(file);
        } catch (UnusableFileException e) {
            r.fatal = "sniff: " + e.getMessage();
            return r;
        }
        try (H5File h5 = source.open(file, sig)) {
            Set<Long> visited = new HashSet<>();
            visit(h5.root(), r, visited, maxElements);
            for (VirtualDataset v : h5.virtualDatasets()) {
                r.object(v.path(), "vds");
            }
            r.warnings.addAll(h5.warnings());
        } catch (UnusableFileException e) {
            r.fatal = "open: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            r.fatal = "walk: " + NativeWalker.message(e);
        }
        return r;
    }

    private static void visit(H5Node node, WalkResult r, Set<Long> visited, int maxElements) {
        String path = node.path();
        if (node instanceof H5ExternalLink) {
            r.object(path, "external");
            return;
        }
        if (node.objectId() >= 0 && !visited.add(node.objectId())) {
            r.object(path, "hardlink");
            return;
        }
        if (node instanceof H5Group g) {
            r.object(path, "group");
            attributes(g, r);
            g.children().stream().sorted(Comparator.comparing(H5Node::name))
                    .forEach(c -> visit(c, r, visited, maxElements));
        } else if (node instanceof H5Dataset d) {
            r.object(path, "dataset");
            d.shape();
            d.dtype();
            d.chunks();
            d.filters();
            attributes(d, r);
            if (d.elementCount() > maxElements) {
                r.largeDescribed++;
                return;
            }
            try {
                H5Value v = d.read();
                r.valueBytes += v.size();
                r.smallRead++;
            } catch (H5ReadException | RuntimeException e) {
                r.smallFailed++;
                r.warnings.add(path + " value: " + NativeWalker.message(e));
            }
        }
    }

    private static void attributes(H5Node node, WalkResult r) {
        Map<String, H5Value> attrs = node.attributes(); // unreadable ones are left out and become file warnings
        for (String name : attrs.keySet()) {
            r.attribute(node.path(), name);
        }
    }
}
