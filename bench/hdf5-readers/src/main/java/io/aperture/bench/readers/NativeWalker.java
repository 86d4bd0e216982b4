package io.aperture.bench.readers;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.structs.H5O_info_t;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The walk with the HDF5 1.14 C library through the HDF Group's Java API. Every HDF5 id is closed in a
 * finally block; every C error arrives as an exception (error printing is off), caught per object so one
 * bad object never loses its siblings.
 */
final class NativeWalker implements Walker {
    static {
        NativeHdf5.load(); // before HDF5Constants is touched: its initialiser loads the library its own way
    }

    private static final long P_DEFAULT = HDF5Constants.H5P_DEFAULT;

    @Override
    public String name() {
        return "native";
    }

    @Override
    public WalkResult walk(Path file, int maxElements) {
        WalkResult r = new WalkResult();
        long fapl = -1;
        long fid = -1;
        try {
            fapl = H5.H5Pcreate(HDF5Constants.H5P_FILE_ACCESS);
            // strong close: closing the file closes anything a failed walk left open
            H5.H5Pset_fclose_degree(fapl, HDF5Constants.H5F_CLOSE_STRONG);
            fid = H5.H5Fopen(file.toString(), HDF5Constants.H5F_ACC_RDONLY, fapl);
        } catch (Exception e) {
            r.fatal = "open: " + message(e);
            closeP(fapl);
            return r;
        }
        try {
            long root = H5.H5Gopen(fid, "/", P_DEFAULT);
            try {
                new Walk(r, maxElements).group(root, "/");
            } finally {
                H5.H5Gclose(root);
            }
        } catch (Exception e) {
            r.fatal = "root: " + message(e);
        } finally {
            closeP(fapl);
            try {
                H5.H5Fclose(fid);
            } catch (Exception e) {
                r.warnings.add("close: " + message(e));
            }
        }
        return r;
    }

    private static final class Walk {
        private final WalkResult r;
        private final int maxElements;
        private final Set<String> visited = new HashSet<>();

        Walk(WalkResult r, int maxElements) {
            this.r = r;
            this.maxElements = maxElements;
        }

        void group(long gid, String path) throws Exception {
            H5O_info_t info = H5.H5Oget_info(gid, HDF5Constants.H5O_INFO_BASIC | HDF5Constants.H5O_INFO_NUM_ATTRS);
            visited.add(HexFormat.of().formatHex(info.token.data));
            r.object(path, "group");
            attributes(gid, path, info.num_attrs);
            long n = H5.H5Gget_info(gid).nlinks;
            for (long i = 0; i < n; i++) {
                String name;
                try {
                    name = H5.H5Lget_name_by_idx(gid, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i, P_DEFAULT);
                } catch (Exception e) {
                    r.warnings.add(path + " link #" + i + ": " + message(e));
                    continue;
                }
                try {
                    child(gid, path, name);
                } catch (Exception e) {
                    r.warnings.add(WalkResult.join(path, name) + ": " + message(e));
                }
            }
        }

        private void child(long gid, String parent, String name) throws Exception {
            String path = WalkResult.join(parent, name);
            int linkType = H5.H5Lget_info(gid, name, P_DEFAULT).type;
            if (linkType == HDF5Constants.H5L_TYPE_EXTERNAL) {
                String[] target = new String[2];
                H5.H5Lget_value(gid, name, target, P_DEFAULT); // [0] object path, [1] file: recorded, not followed
                r.object(path, "external");
                return;
            }
            long oid;
            try {
                oid = H5.H5Oopen(gid, name, P_DEFAULT);
            } catch (Exception e) {
                if (linkType == HDF5Constants.H5L_TYPE_SOFT) {
                    r.object(path, "broken-soft");
                    return;
                }
                throw e;
            }
            try {
                H5O_info_t info = H5.H5Oget_info(oid, HDF5Constants.H5O_INFO_BASIC | HDF5Constants.H5O_INFO_NUM_ATTRS);
                String key = HexFormat.of().formatHex(info.token.data);
                if (visited.contains(key)) {
                    r.object(path, "hardlink");
                    return;
                }
                if (info.type == HDF5Constants.H5O_TYPE_GROUP) {
                    group(oid, path);
                } else if (info.type == HDF5Constants.H5O_TYPE_DATASET) {
                    visited.add(key);
                    dataset(oid, path, info.num_attrs);
                } else {
                    visited.add(key);
                    r.object(path, "datatype");
                    attributes(oid, path, info.num_attrs);
                }
            } finally {
                H5.H5Oclose(oid);
            }
        }

        private void dataset(long did, String path, long numAttrs) throws Exception {
            long type = H5.H5Dget_type(did);
            long space = H5.H5Dget_space(did);
            long dcpl = H5.H5Dget_create_plist(did);
            try {
                long n = H5.H5Sget_simple_extent_npoints(space);
                int layout = H5.H5Pget_layout(dcpl);
                if (layout == HDF5Constants.H5D_VIRTUAL) {
                    long sources = H5.H5Pget_virtual_count(dcpl);
                    for (long s = 0; s < sources; s++) {
                        H5.H5Pget_virtual_filename(dcpl, s);
                        H5.H5Pget_virtual_dsetname(dcpl, s);
                    }
                    r.object(path, "vds");
                } else {
                    r.object(path, "dataset");
                }
                describe(dcpl, layout);
                attributes(did, path, numAttrs);
                if (n > maxElements) {
                    r.largeDescribed++;
                    return;
                }
                try {
                    r.valueBytes += readDataset(did, type, (int) n);
                    r.smallRead++;
                } catch (Exception e) {
                    r.smallFailed++;
                    r.warnings.add(path + " value: " + message(e));
                }
            } finally {
                H5.H5Pclose(dcpl);
                H5.H5Sclose(space);
                H5.H5Tclose(type);
            }
        }

        // shape, chunking and filter names, as the harvester describes a large dataset
        private static void describe(long dcpl, int layout) throws Exception {
            if (layout == HDF5Constants.H5D_CHUNKED) {
                H5.H5Pget_chunk(dcpl, 32, new long[32]);
            }
            int nf = H5.H5Pget_nfilters(dcpl);
            for (int f = 0; f < nf; f++) {
                String[] fname = new String[1];
                H5.H5Pget_filter(dcpl, f, new int[1], new long[]{8}, new int[8], 120, fname, new int[1]);
            }
        }

        private static long readDataset(long did, long type, int n) throws Exception {
            if (n == 0) {
                return 0;
            }
            int cls = H5.H5Tget_class(type);
            if (cls == HDF5Constants.H5T_STRING && H5.H5Tis_variable_str(type)) {
                String[] buf = new String[n];
                H5.H5Dread_VLStrings(did, type, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, P_DEFAULT, buf);
                return chars(buf);
            }
            long mem = memType(type, cls);
            try {
                byte[] buf = new byte[Math.toIntExact(H5.H5Tget_size(mem) * n)];
                H5.H5Dread(did, mem, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, P_DEFAULT, buf, true);
                return buf.length;
            } finally {
                H5.H5Tclose(mem);
            }
        }

        private void attributes(long oid, String path, long count) {
            for (long i = 0; i < count; i++) {
                long aid = -1;
                try {
                    aid = H5.H5Aopen_by_idx(oid, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i, P_DEFAULT, P_DEFAULT);
                    String name = H5.H5Aget_name(aid);
                    r.valueBytes += readAttribute(aid);
                    r.attribute(path, name);
                } catch (Exception e) {
                    r.attributesFailed++;
                    r.warnings.add(path + " attribute #" + i + ": " + message(e));
                } finally {
                    if (aid >= 0) {
                        try {
                            H5.H5Aclose(aid);
                        } catch (Exception ignored) {
                            // the id is gone with the file anyway (strong close)
                        }
                    }
                }
            }
        }

        private static long readAttribute(long aid) throws Exception {
            long type = H5.H5Aget_type(aid);
            long space = H5.H5Aget_space(aid);
            try {
                int n = Math.toIntExact(H5.H5Sget_simple_extent_npoints(space));
                if (n == 0) {
                    return 0;
                }
                int cls = H5.H5Tget_class(type);
                if (cls == HDF5Constants.H5T_STRING && H5.H5Tis_variable_str(type)) {
                    String[] buf = new String[n];
                    H5.H5Aread_VLStrings(aid, type, buf);
                    return chars(buf);
                }
                long mem = memType(type, cls);
                try {
                    byte[] buf = new byte[Math.toIntExact(H5.H5Tget_size(mem) * n)];
                    H5.H5Aread(aid, mem, buf, true);
                    return buf.length;
                } finally {
                    H5.H5Tclose(mem);
                }
            } finally {
                H5.H5Sclose(space);
                H5.H5Tclose(type);
            }
        }

        // numbers converted to the machine's native types (as h5py does); anything else read as stored
        private static long memType(long type, int cls) throws Exception {
            if (cls == HDF5Constants.H5T_INTEGER || cls == HDF5Constants.H5T_FLOAT) {
                return H5.H5Tget_native_type(type);
            }
            return H5.H5Tcopy(type);
        }

        private static long chars(String[] s) {
            long c = 0;
            for (String x : s) {
                c += x == null ? 0 : x.length();
            }
            return c;
        }
    }

    private static void closeP(long plist) {
        if (plist >= 0) {
            try {
                H5.H5Pclose(plist);
            } catch (Exception ignored) {
                // a property list never holds file data
            }
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
    }
}
