package io.aperture.record;

/** An application definition; {@code path} says where it was declared (the entry or an NXsubentry). */
public record Definition(String name, String version, String path) {
}
