package io.aperture.harvester.conformance;

/** The one place a written unit is judged against a category, for every check that meets one. */
final class Units {

    private Units() {
    }

    /** Reports a unit of the wrong category at {@code wrongLevel}, and a spelling nobody understands as a warning. */
    static void report(CheckContext cx, String path, String name, String category, String written, Level wrongLevel) {
        switch (cx.units.fit(category, written)) {
            case WRONG_CATEGORY -> cx.sink.add(wrongLevel, path, Rule.UNITS_CATEGORY,
                    name + " is in " + written + ", which is not a unit of " + category);
            case NOT_UNDERSTOOD -> cx.sink.warning(path, Rule.UNITS_UNKNOWN, written.strip().startsWith("NX_")
                    ? name + " has the unit category \"" + written + "\" where a unit belongs"
                    : name + " has units \"" + written + "\", which no unit table understands");
            case FITS, NOT_CHECKED -> {
                // fine, or a category without a fixed dimension
            }
        }
    }
}
