package io.aperture.harvester.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A small in-memory HDF5 tree for tests of features no file of testdata/nexus has; also shows the reader interface is enough. */
public final class MemTree {
    private static final AtomicLong IDS = new AtomicLong(1);

    private MemTree() {
    }

    public static final class Group implements H5Group {
        final String name;
        final String path;
        final Map<String, H5Value> attrs = new LinkedHashMap<>();
        final List<H5Node> children = new ArrayList<>();
        final long id = IDS.getAndIncrement();

        public Group(String name, String path) {
            this.name = name;
            this.path = path;
        }

        public Group group(String childName, String nxClass) {
            Group g = new Group(childName, (path.equals("/") ? "" : path) + "/" + childName);
            g.attr("NX_class", nxClass);
            children.add(g);
            return g;
        }

        public Dataset text(String childName, String value) {
            Dataset d = new Dataset(childName, childPath(childName), H5Value.ofText(List.of(value), new int[0]), "string");
            // names are unique within an HDF5 group: a second text of the same name replaces the first
            children.removeIf(c -> c.name().equals(childName));
            children.add(d);
            return d;
        }

        public Dataset number(String childName, double value, String units) {
            Dataset d = new Dataset(childName, childPath(childName), H5Value.ofNumbers(new double[]{value}, new int[0]), "float64");
            if (units != null) {
                d.attr("units", units);
            }
            children.add(d);
            return d;
        }

        public Group attr(String key, String value) {
            attrs.put(key, H5Value.ofText(List.of(value), new int[0]));
            return this;
        }

        private String childPath(String c) {
            return (path.equals("/") ? "" : path) + "/" + c;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Map<String, H5Value> attributes() {
            return attrs;
        }

        @Override
        public long objectId() {
            return id;
        }

        @Override
        public List<H5Node> children() {
            return children;
        }
    }

    public static final class Dataset implements H5Dataset {
        final String name;
        final String path;
        final H5Value value;
        final String dtype;
        final Map<String, H5Value> attrs = new LinkedHashMap<>();
        final long id = IDS.getAndIncrement();

        Dataset(String name, String path, H5Value value, String dtype) {
            this.name = name;
            this.path = path;
            this.value = value;
            this.dtype = dtype;
        }

        public Dataset attr(String key, String v) {
            attrs.put(key, H5Value.ofText(List.of(v), new int[0]));
            return this;
        }

        public Dataset attr(String key, double... v) {
            attrs.put(key, H5Value.ofNumbers(v, new int[]{v.length}));
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Map<String, H5Value> attributes() {
            return attrs;
        }

        @Override
        public long objectId() {
            return id;
        }

        @Override
        public long[] shape() {
            return new long[0];
        }

        @Override
        public String dtype() {
            return dtype;
        }

        @Override
        public long[] chunks() {
            return null;
        }

        @Override
        public List<String> filters() {
            return List.of();
        }

        @Override
        public H5Value read() {
            return value;
        }

        @Override
        public H5Value readFirst() {
            return value;
        }

        @Override
        public H5Value readSlice(long[] offset, int[] count) throws H5ReadException {
            // in-memory datasets are scalars (shape []): the only slice is the empty one
            if (offset.length != 0 || count.length != 0) {
                throw new H5ReadException(path + ": no such slice of a scalar");
            }
            return value;
        }
    }

    public static H5File file(Path path, Group root) {
        return new H5File() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public H5Group root() {
                return root;
            }

            @Override
            public List<String> warnings() {
                return List.of();
            }

            @Override
            public List<VirtualDataset> virtualDatasets() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
