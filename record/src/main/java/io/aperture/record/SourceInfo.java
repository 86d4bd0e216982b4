package io.aperture.record;

import io.aperture.units.Quantity;

public record SourceInfo(String name, String shortName, String type, String probe, Quantity energy, Quantity current) {
}
