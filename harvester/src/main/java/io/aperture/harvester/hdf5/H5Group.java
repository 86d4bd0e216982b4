package io.aperture.harvester.hdf5;

import java.util.List;
import java.util.Optional;

public non-sealed interface H5Group extends H5Node {

    /**
     * Children that could be read, soft links resolved. Never throws: an object the reader cannot
     * handle is left out and a warning is added to the file.
     */
    List<H5Node> children();

    default Optional<H5Node> child(String name) {
        return children().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    default Optional<H5Group> group(String name) {
        return child(name).filter(H5Group.class::isInstance).map(H5Group.class::cast);
    }

    default Optional<H5Dataset> dataset(String name) {
        return child(name).filter(H5Dataset.class::isInstance).map(H5Dataset.class::cast);
    }

    /** The node at a path below this group ("a/b/c"; empty and "." segments skipped), through the reader's cached objects. */
    default Optional<H5Node> descendant(String path) {
        H5Node node = this;
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!(node instanceof H5Group g)) {
                return Optional.empty();
            }
            Optional<H5Node> next = g.child(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    default String nxClass() {
        return textAttribute("NX_class");
    }

    default List<H5Group> groupsOfClass(String nxClass) {
        return children().stream().filter(H5Group.class::isInstance).map(H5Group.class::cast)
                .filter(g -> nxClass.equals(g.nxClass())).toList();
    }
}
