package io.aperture.harvester.hdf5.jhdf;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;
import io.jhdf.links.SoftLink;

/**
 * Resolves soft links path component by component, with a bound on how many links one resolution may pass. jhdf's
 * own {@code SoftLink.getTarget()} resolves recursively without a bound, so a link to itself (or any cycle of soft
 * links) ends in a StackOverflowError.
 */
final class SoftLinkResolver {
    /** The HDF5 library gives up after the same number of soft links (H5L_NUM_LINKS). */
    static final int MAX_LINKS = 16;

    /** Why a soft link leads nowhere; the message is the reason, for the warning. */
    static final class BrokenLinkException extends Exception {
        BrokenLinkException(String message) {
            super(message);
        }
    }

    private final Group root;
    private int linksPassed;

    private SoftLinkResolver(Group root) {
        this.root = root;
    }

    /**
     * @param root   the file's root group
     * @param base   the group holding the link (a relative target starts there)
     * @param target the link's target path
     */
    static Node resolve(Group root, Group base, String target) throws BrokenLinkException {
        return new SoftLinkResolver(root).follow(base, target);
    }

    private Node follow(Group base, String target) throws BrokenLinkException {
        if (++linksPassed > MAX_LINKS) {
            throw new BrokenLinkException("more than " + MAX_LINKS + " soft links in a row (a cycle)");
        }
        if (target == null || target.isEmpty()) {
            throw new BrokenLinkException("empty target path");
        }
        Node current = target.startsWith("/") ? root : base;
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!(current instanceof Group group)) {
                throw new BrokenLinkException(current.getPath() + " is not a group");
            }
            Node child;
            try {
                child = group.getChild(part);
            } catch (RuntimeException e) {
                throw new BrokenLinkException(part + " in " + group.getPath() + " could not be read");
            }
            if (child == null) {
                throw new BrokenLinkException("no object named '" + part + "' in " + group.getPath());
            }
            if (child instanceof SoftLink link) {
                child = follow(group, link.getTargetPath());
            } else if (child instanceof ExternalLink) {
                throw new BrokenLinkException("it passes through the external link " + child.getPath());
            }
            current = child;
        }
        return current;
    }
}
