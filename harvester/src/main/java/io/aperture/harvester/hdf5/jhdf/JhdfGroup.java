package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.VirtualDataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;
import io.jhdf.ObjectHeader;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.dataset.DatasetLoader;
import io.jhdf.links.ExternalLink;
import io.jhdf.links.SoftLink;
import io.jhdf.object.message.DataLayoutMessage;
import io.jhdf.object.message.LinkMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

final class JhdfGroup extends JhdfObject implements H5Group {
    private final Group group;
    private List<H5Node> children;

    JhdfGroup(JhdfFile file, Group group, String name, String path) {
        super(file, group, name, path);
        this.group = group;
    }





    @Override
    public List<H5Node> children() {
        if (children == null) {
            children = Collections.unmodifiableList(loadChildren());
        }
        return children;
    }

    private String childPath(String childName) {
        return path.endsWith("/") ? path + childName : path + "/" + childName;
    }

    private List<H5Node> loadChildren() {
        Map<String, Node> raw;
        try {
            raw = group.getChildren();
        } catch (RuntimeException e) {
            return recoverChildren(e);
        }
        List<H5Node> out = new ArrayList<>(raw.size());
        for (Map.Entry<String, Node> e : raw.entrySet()) {
            H5Node n = wrap(e.getKey(), e.getValue());
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private H5Node wrap(String childName, Node node) {
        String childPath = childPath(childName);
        try {
            if (node instanceof ExternalLink link) {
                return external(childName, childPath, link.getTargetPath());
            }
            if (node instanceof SoftLink link) {
                Node target = followSoftLink(childPath, link.getTargetPath());
                return target == null ? null : wrap(childName, target);
            }
            if (node instanceof Group g) {
                return new JhdfGroup(file, g, childName, childPath);
            }
            if (node instanceof Dataset d) {
                return new JhdfDataset(file, d, childName, childPath);
            }
            file.warn(childPath + " is a " + node.getType() + " and is skipped");
            return null;
        } catch (RuntimeException e) {
            file.warn(childPath + " could not be read: " + Failures.describe(e));
            return null;
        }
    }

    /** The soft link's target, or null with a warning naming why it is broken (missing target, cycle). */
    private Node followSoftLink(String childPath, String targetPath) {
        try {
            return SoftLinkResolver.resolve(file.hdf(), group, targetPath);
        } catch (SoftLinkResolver.BrokenLinkException e) {
            file.warn("soft link " + childPath + " -> " + targetPath + " is broken: " + e.getMessage());
            return null;
        }
    }

    // jhdf's ExternalLink.getTargetPath() gives "file:path"; the file part may itself hold ':' (Windows paths).
    private static H5ExternalLink external(String name, String path, String target) {
        int sep = target.lastIndexOf(':');
        String targetFile = sep > 0 ? target.substring(0, sep) : target;
        String targetPath = sep > 0 ? target.substring(sep + 1) : "";
        return new H5ExternalLink(name, path, targetFile, targetPath);
    }

    /**
     * jhdf gives up on a whole group when one child cannot be read (e.g. a virtual dataset). Read the group's
     * link messages ourselves and load each child on its own, so only the bad child is lost.
     */
    private List<H5Node> recoverChildren(RuntimeException failure) {
        List<H5Node> out = new ArrayList<>();
        List<LinkMessage> links;
        try {
            ObjectHeader header = ObjectHeader.readObjectHeader(file.hdf().getHdfBackingStorage(), group.getAddress());
            links = header.getMessagesOfType(LinkMessage.class);
        } catch (RuntimeException e) {
            file.warn("group " + path + " could not be read: " + Failures.describe(failure));
            return out;
        }
        if (links.isEmpty()) {
            file.warn("group " + path + " could not be read: " + Failures.describe(failure));
            return out;
        }
        for (LinkMessage link : links) {
            String childName = link.getLinkName();
            String childPath = childPath(childName);
            try {
                switch (link.getLinkType()) {
                    case EXTERNAL -> out.add(new H5ExternalLink(childName, childPath, link.getExternalFile(), link.getExternalPath()));
                    case SOFT -> {
                        Node target = followSoftLink(childPath, link.getSoftLink());
                        H5Node n = target == null ? null : wrap(childName, target);
                        if (n != null) {
                            out.add(n);
                        }
                    }
                    case HARD -> {
                        H5Node n = loadHardChild(childName, childPath, link.getHardLinkAddress());
                        if (n != null) {
                            out.add(n);
                        }
                    }
                }
            } catch (RuntimeException e) {
                file.warn(childPath + " could not be read: " + Failures.describe(e));
            }
        }
        return out;
    }

    private H5Node loadHardChild(String childName, String childPath, long address) {
        ObjectHeader header;
        try {
            header = ObjectHeader.readObjectHeader(file.hdf().getHdfBackingStorage(), address);
        } catch (RuntimeException e) {
            String cause = Failures.describe(e);
            if (cause.contains("Virtual")) {
                try {
                    file.virtualDataset(new VdsHeaderReader(file.hdf().getHdfBackingStorage()).read(childPath, address));
                } catch (RuntimeException vdsFailure) {
                    file.virtualDataset(new VirtualDataset(childPath, null, java.util.List.of()));
                    file.warn("virtual dataset " + childPath + ": its sources could not be decoded (" + vdsFailure + ")");
                }
            } else {
                file.warn(childPath + " could not be read: " + cause);
            }
            return null;
        }
        if (header.hasMessageOfType(DataLayoutMessage.class)) {
            return new JhdfDataset(file, DatasetLoader.createDataset(file.hdf().getHdfBackingStorage(), header, childName, group),
                    childName, childPath);
        }
        file.warn("group " + childPath + " inside a partly unreadable group is skipped");
        return null;
    }

    @Override
    public String toString() {
        return "H5Group" + path;
    }
}
