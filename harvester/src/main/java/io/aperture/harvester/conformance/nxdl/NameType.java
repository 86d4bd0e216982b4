package io.aperture.harvester.conformance.nxdl;

/** NXDL's {@code nameType}: a name used as written, or a pattern for names chosen by the writer. */
public enum NameType {
    SPECIFIED, ANY, PARTIAL;

    static NameType of(String xml) {
        return switch (xml == null ? "" : xml) {
            case "any" -> ANY;
            case "partial" -> PARTIAL;
            default -> SPECIFIED;
        };
    }
}
