package io.aperture.record;

public record Program(String name, String version) {
}
