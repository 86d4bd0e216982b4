package io.aperture.record;

import io.aperture.units.Quantity;

/** A named {@link Quantity}; name is the HDF5 path, with {@code @attr} for attributes and {@code [i]} for elements. */
public record Parameter(String name, Double value, String text, String unit, Double siValue, String siUnit,
                        Boolean unitKnown) {

    public static Parameter of(String name, Quantity q) {
        return new Parameter(name, q.value(), q.text(), q.unit(), q.siValue(), q.siUnit(), q.unitKnown());
    }
}
