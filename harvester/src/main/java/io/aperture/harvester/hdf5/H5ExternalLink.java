package io.aperture.harvester.hdf5;

import java.util.Map;

/** An external link; the harvester records its target file but does not walk into it. */
public record H5ExternalLink(String name, String path, String targetFile, String targetPath) implements H5Node {

    @Override
    public Map<String, H5Value> attributes() {
        return Map.of();
    }

    @Override
    public long objectId() {
        return -1;
    }
}
