package io.aperture.harvester.hdf5.jhdf;

/** Puts a reader failure into words for a warning or a refusal. */
final class Failures {

    private Failures() {
    }

    /**
     * The exception's message and, when different, its root cause's. jhdf often wraps an exception that has no
     * message (a BufferUnderflowException from a short read, a NullPointerException): the class name stands in for
     * it, so no warning ever ends in "null".
     */
    static String describe(Throwable t) {
        Throwable root = t;
        for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        String outer = text(t);
        if (root == t) {
            return outer;
        }
        String inner = text(root);
        return outer.contains(inner) ? outer : outer + ": " + inner;
    }

    private static String text(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank() || m.equals("null")) {
            return switch (t) {
                case java.nio.BufferUnderflowException u -> "a structure runs past the end of its block (BufferUnderflowException)";
                case NullPointerException n -> "a required part is missing (NullPointerException)";
                default -> t.getClass().getSimpleName();
            };
        }
        // an Error's message alone ("Java heap space") would hide what happened
        return t instanceof Error ? t.getClass().getSimpleName() + ": " + m : m;
    }
}
