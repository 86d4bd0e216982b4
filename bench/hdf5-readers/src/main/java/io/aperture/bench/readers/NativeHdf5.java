package io.aperture.bench.readers;

import hdf.hdf5lib.H5;
import org.bytedeco.javacpp.Loader;

/** Loads the HDF5 1.14 C library and the HDF Group's JNI wrapper bundled by org.bytedeco:hdf5, once. */
final class NativeHdf5 {
    private static volatile boolean loaded;

    private NativeHdf5() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        // JavaCPP extracts the .so files from the classifier jar; the wrapper's own loader only knows
        // System.loadLibrary, so hand it the absolute path through the property it reads first.
        String lib = Loader.load(org.bytedeco.hdf5.hdf5_java.class);
        System.setProperty("hdf.hdf5lib.H5.hdf5lib", lib);
        try {
            // H5's static initialiser loads the library, calls H5dont_atexit and H5error_off (H5Eset_auto off):
            // C errors then only come back as HDF5LibraryException, nothing is printed.
            H5.H5error_off();
        } catch (Exception e) {
            throw new IllegalStateException("native HDF5 did not initialise", e);
        }
        loaded = true;
    }

    /** Which of the filters met in facility files this build can decode without plugins. */
    static String filters() {
        int[][] ids = {{1}, {2}, {3}, {4}, {32000}, {32001}, {32004}, {32008}, {32015}};
        String[] names = {"deflate", "shuffle", "fletcher32", "szip", "lzf", "blosc", "lz4", "bitshuffle", "zstd"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            boolean ok;
            try {
                ok = H5.H5Zfilter_avail(ids[i][0]) > 0;
            } catch (Exception e) {
                ok = false;
            }
            sb.append(i == 0 ? "" : ", ").append(names[i]).append(ok ? " yes" : " no");
        }
        return sb.toString();
    }

    static String version() {
        int[] v = new int[3];
        try {
            H5.H5get_libversion(v);
        } catch (Exception e) {
            return "?";
        }
        return v[0] + "." + v[1] + "." + v[2];
    }
}
