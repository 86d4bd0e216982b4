package io.aperture.harvester.conformance.nxdl;

import java.util.List;

/** The values an {@code <enumeration>} lists; an open one ({@code open="true"}) only suggests them. */
public record Enumeration(List<String> values, boolean open) {
    public static final Enumeration NONE = new Enumeration(List.of(), true);

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
