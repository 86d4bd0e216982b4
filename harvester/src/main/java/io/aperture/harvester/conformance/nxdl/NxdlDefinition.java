package io.aperture.harvester.conformance.nxdl;

/** One NXDL file: a base class ({@code category="base"}) or an application definition. */
public record NxdlDefinition(String name, String category, String extendsClass, NxdlGroup body) {

    public boolean isApplication() {
        return "application".equals(category);
    }
}
