package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.H5Value;
import io.jhdf.api.Node;

import java.util.Map;

/** What groups and datasets read alike from jhdf: name, path, object address and (lazily) attributes. */
abstract class JhdfObject {
    protected final JhdfFile file;
    private final Node node;
    private final String name;
    protected final String path;
    private Map<String, H5Value> attributes;

    JhdfObject(JhdfFile file, Node node, String name, String path) {
        this.file = file;
        this.node = node;
        this.name = name;
        this.path = path;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public long objectId() {
        return node.getAddress();
    }

    public Map<String, H5Value> attributes() {
        if (attributes == null) {
            attributes = JhdfAttributes.read(file, node, path);
        }
        return attributes;
    }
}
