package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.VirtualDataset;
import io.jhdf.HdfFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class JhdfFile implements H5File {
    private final Path path;
    private final HdfFile hdf;
    private final List<String> warnings = new ArrayList<>();
    private final List<VirtualDataset> virtualDatasets = new ArrayList<>();
    private final JhdfGroup root;

    JhdfFile(Path path, HdfFile hdf) {
        this.path = path;
        this.hdf = hdf;
        this.root = new JhdfGroup(this, hdf, "", "/");
    }

    HdfFile hdf() {
        return hdf;
    }

    void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

    void virtualDataset(VirtualDataset vds) {
        if (virtualDatasets.stream().noneMatch(v -> v.path().equals(vds.path()))) {
            virtualDatasets.add(vds);
        }
    }

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
        return List.copyOf(warnings);
    }

    @Override
    public List<VirtualDataset> virtualDatasets() {
        return List.copyOf(virtualDatasets);
    }

    @Override
    public void close() {
        try {
            hdf.close();
        } catch (RuntimeException e) {
            // closing a read-only channel cannot lose data; nothing useful to do
        }
    }
}
