package io.aperture.record;

import io.aperture.units.Quantity;

public record Sample(String name, String chemicalFormula, String description, Quantity temperature,
                     Quantity pressure, String environment) {
}
