package io.aperture.harvester.record;

public record Program(String name, String version) {
}
