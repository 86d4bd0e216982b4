package io.aperture.units;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.Units;

import javax.measure.MetricPrefix;
import javax.measure.Unit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the unit spellings found in NeXus files (Angstrom, keV, deg, micron, mbar, counts, ...) to JSR-385 units
 * and converts values to SI. Unknown spellings are reported as not understood; the caller keeps them as written.
 * Absurd ones are refused with {@link UnitOutOfRangeException}: an exponent beyond {@value #MAX_EXPONENT} in magnitude,
 * or a value whose SI equivalent overflows.
 */
public final class UnitConverter {
    /** The largest power a unit term may carry ({@code m^12}, {@code cm^-12}); no physical unit needs more. */
    public static final int MAX_EXPONENT = 12;
    /** Spellings longer than this are not parsed as products of units (they stay as written). */
    static final int MAX_SPELLING = 64;
    /** Distinct spellings remembered; past this, spellings are resolved each time (requests can invent any number). */
    static final int MAX_CACHED = 1024;

    private static final Unit<?> ANGSTROM = Units.METRE.multiply(1e-10);
    private static final Unit<?> ELECTRON_VOLT = Units.JOULE.multiply(1.602176634e-19);
    private static final Unit<?> DEGREE = Units.RADIAN.multiply(Math.PI / 180.0);
    private static final Unit<?> BAR = Units.PASCAL.multiply(1e5);
    /** Degrees Fahrenheit: Rankine (5/9 K) shifted by 459.67, as the PaNOSC portal sends temperatures. */
    private static final Unit<?> FAHRENHEIT = Units.KELVIN.multiply(5.0 / 9.0).shift(459.67);
    private static final Unit<?> COUNT = AbstractUnit.ONE;
    private static final Pattern TERM = Pattern.compile("([^\\^\\d-]+?)\\^?(-?\\d+)?");

    private static final Map<String, Unit<?>> EXACT = new HashMap<>();
    private static final Map<String, Unit<?>> FOLDED = new HashMap<>();

    static {
        Map<String, Unit<?>> base = new HashMap<>();
        base.put("m", Units.METRE);
        base.put("s", Units.SECOND);
        base.put("eV", ELECTRON_VOLT);
        base.put("Pa", Units.PASCAL);
        base.put("Hz", Units.HERTZ);
        base.put("V", Units.VOLT);
        base.put("W", Units.WATT);
        base.put("T", Units.TESLA);
        base.put("J", Units.JOULE);
        base.put("g", Units.GRAM);
        base.put("K", Units.KELVIN);
        base.put("rad", Units.RADIAN);
        base.put("bar", BAR);
        base.put("Ohm", Units.OHM);
        base.put("Gy", Units.GRAY);
        Map<String, MetricPrefix> prefixes = Map.of("p", MetricPrefix.PICO, "n", MetricPrefix.NANO, "u", MetricPrefix.MICRO,
                "\u00b5", MetricPrefix.MICRO, "\u03bc", MetricPrefix.MICRO, "m", MetricPrefix.MILLI, "c", MetricPrefix.CENTI,
                "k", MetricPrefix.KILO, "M", MetricPrefix.MEGA, "G", MetricPrefix.GIGA);
        for (Map.Entry<String, Unit<?>> b : base.entrySet()) {
            exact(b.getKey(), b.getValue());
            for (Map.Entry<String, MetricPrefix> p : prefixes.entrySet()) {
                exact(p.getKey() + b.getKey(), b.getValue().prefix(p.getValue()));
            }
        }
        // Ampere only with a prefix or spelled out: a bare "A" in NeXus files means Angstrom.
        exact("mA", Units.AMPERE.prefix(MetricPrefix.MILLI));
        exact("uA", Units.AMPERE.prefix(MetricPrefix.MICRO));
        exact("\u00b5A", Units.AMPERE.prefix(MetricPrefix.MICRO));
        exact("nA", Units.AMPERE.prefix(MetricPrefix.NANO));
        exact("A", ANGSTROM);
        for (String s : new String[]{"Angstrom", "angstrom", "Angstroms", "angstroms", "Angstroem", "Ang", "\u00c5", "\u212b"}) {
            exact(s, ANGSTROM);
        }
        folded("ampere", Units.AMPERE);
        folded("amp", Units.AMPERE);
        folded("micron", Units.METRE.prefix(MetricPrefix.MICRO));
        folded("microns", Units.METRE.prefix(MetricPrefix.MICRO));
        folded("metre", Units.METRE);
        folded("meter", Units.METRE);
        folded("metres", Units.METRE);
        folded("meters", Units.METRE);
        folded("millimetre", Units.METRE.prefix(MetricPrefix.MILLI));
        folded("millimeter", Units.METRE.prefix(MetricPrefix.MILLI));
        folded("deg", DEGREE);
        folded("degree", DEGREE);
        folded("degrees", DEGREE);
        exact("\u00b0", DEGREE);
        folded("rad", Units.RADIAN);
        folded("radian", Units.RADIAN);
        folded("radians", Units.RADIAN);
        folded("mrad", Units.RADIAN.prefix(MetricPrefix.MILLI));
        folded("urad", Units.RADIAN.prefix(MetricPrefix.MICRO));
        folded("celsius", Units.CELSIUS);
        folded("degc", Units.CELSIUS);
        folded("degreesc", Units.CELSIUS);
        exact("C", Units.CELSIUS);
        exact("\u00b0C", Units.CELSIUS);
        folded("kelvin", Units.KELVIN);
        folded("fahrenheit", FAHRENHEIT);
        folded("degf", FAHRENHEIT);
        folded("degreesf", FAHRENHEIT);
        exact("\u00b0F", FAHRENHEIT);
        folded("psi", Units.PASCAL.multiply(6894.757293168));
        folded("sec", Units.SECOND);
        folded("second", Units.SECOND);
        folded("seconds", Units.SECOND);
        folded("msec", Units.SECOND.prefix(MetricPrefix.MILLI));
        folded("microsecond", Units.SECOND.prefix(MetricPrefix.MICRO));
        folded("microseconds", Units.SECOND.prefix(MetricPrefix.MICRO));
        folded("min", Units.MINUTE);
        folded("minute", Units.MINUTE);
        folded("minutes", Units.MINUTE);
        exact("h", Units.HOUR);
        folded("hour", Units.HOUR);
        folded("hours", Units.HOUR);
        folded("bars", BAR);
        folded("mbar", BAR.prefix(MetricPrefix.MILLI));
        folded("atm", Units.PASCAL.multiply(101325));
        folded("torr", Units.PASCAL.multiply(101325.0 / 760.0));
        folded("count", COUNT);
        folded("counts", COUNT);
        folded("cts", COUNT);
        folded("photons", COUNT);
        folded("events", COUNT);
        folded("1", AbstractUnit.ONE);
        folded("%", Units.PERCENT);
        folded("percent", Units.PERCENT);
        folded("rpm", Units.HERTZ.divide(60));
        folded("ohm", Units.OHM);
        folded("ohms", Units.OHM);
        folded("gauss", Units.TESLA.multiply(1e-4));
        folded("kg", Units.KILOGRAM);
        folded("l", Units.LITRE);
        folded("ml", Units.LITRE.prefix(MetricPrefix.MILLI));
        folded("g/cm3", Units.GRAM.divide(Units.METRE.prefix(MetricPrefix.CENTI).pow(3)));
    }

    private static void exact(String spelling, Unit<?> unit) {
        EXACT.put(spelling, unit);
    }

    private static void folded(String spelling, Unit<?> unit) {
        FOLDED.put(spelling.toLowerCase(Locale.ROOT), unit);
    }

    /** The unit a spelling stands for, or empty when it is not understood. */
    public Optional<Unit<?>> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String s = written.strip();
        if (s.isEmpty() || s.startsWith("NX_")) {
            return Optional.empty();
        }
        Unit<?> single = lookup(s);
        if (single != null) {
            return Optional.of(single);
        }
        if (s.length() > MAX_SPELLING) {
            return Optional.empty();
        }
        return Optional.ofNullable(parseProduct(s));
    }

    private static Unit<?> lookup(String s) {
        Unit<?> u = EXACT.get(s);
        return u != null ? u : FOLDED.get(s.toLowerCase(Locale.ROOT));
    }

    // "1/angstrom", "m/s", "counts/s", "mm^2", "cm^-1", "A^-1", "keV.s": a product of powers, '/' dividing the rest.
    private static Unit<?> parseProduct(String s) {
        Unit<?> result = AbstractUnit.ONE;
        boolean dividing = false;
        boolean any = false;
        for (String token : s.split("(?=[/*. ])|(?<=[/*. ])")) {
            String t = token.strip();
            if (t.isEmpty() || t.equals("*") || t.equals(".")) {
                continue;
            }
            if (t.equals("/")) {
                dividing = true;
                continue;
            }
            Unit<?> term;
            if (t.equals("1")) {
                term = AbstractUnit.ONE;
            } else {
                Matcher m = TERM.matcher(t);
                if (!m.matches()) {
                    return null;
                }
                Unit<?> b = lookup(m.group(1));
                if (b == null) {
                    return null;
                }
                int power = m.group(2) == null ? 1 : exponent(s, m.group(2));
                term = power >= 0 ? b.pow(power) : b.pow(-power).inverse();
            }
            result = dividing ? result.divide(term) : result.multiply(term);
            any = true;
        }
        return any ? result : null;
    }

    /** The power of one term, refused beyond {@link #MAX_EXPONENT} (indriya builds powers recursively). */
    private static int exponent(String spelling, String digits) {
        String magnitude = digits.startsWith("-") ? digits.substring(1) : digits;
        String significant = magnitude.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 2 || Integer.parseInt(significant) > MAX_EXPONENT) {
            throw new UnitOutOfRangeException(spelling, "the unit '" + spelling + "' has an exponent beyond "
                    + MAX_EXPONENT + " in magnitude");
        }
        return Integer.parseInt(digits.startsWith("-") ? "-" + significant : significant);
    }

    /** A unit spelling resolved once: how to reach SI, or null when not understood. */
    private record Resolved(javax.measure.UnitConverter toSi, String siSymbol) {
    }

    private static final Resolved UNKNOWN = new Resolved(null, null);
    // Files repeat a handful of spellings thousands of times; indriya's parsing and converter building are not cheap.
    private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

    private Resolved resolve(String writtenUnit) {
        if (writtenUnit == null) {
            return UNKNOWN;
        }
        Resolved known = cache.get(writtenUnit);
        if (known != null) {
            return known;
        }
        Resolved resolved = resolveUncached(writtenUnit);
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(writtenUnit, resolved);
        }
        return resolved;
    }

    /** How many spellings are remembered (for tests of the bound). */
    int cachedSpellings() {
        return cache.size();
    }

    private Resolved resolveUncached(String written) {
        Optional<Unit<?>> unit = parse(written);
        if (unit.isEmpty()) {
            return UNKNOWN;
        }
        try {
            Unit<?> si = unit.get().getSystemUnit();
            return new Resolved(unit.get().getConverterToAny(si), siSymbol(si));
        } catch (javax.measure.IncommensurableException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** Converts a number with a unit as written into a {@link Quantity}; unknown units keep unitKnown=false. */
    public Quantity quantity(double value, String writtenUnit) {
        Resolved r = resolve(writtenUnit);
        if (!Double.isFinite(value)) {
            // JSON has no NaN/Infinity: keep the spelling as text so the record stays valid.
            return new Quantity(null, Double.toString(value), writtenUnit, null, null, r != UNKNOWN);
        }
        if (r == UNKNOWN) {
            return new Quantity(value, null, writtenUnit, null, null, false);
        }
        double si = r.toSi().convert(value);
        if (!Double.isFinite(si)) {
            throw new UnitOutOfRangeException(writtenUnit, "the value " + value + " " + writtenUnit
                    + " is beyond the range of numbers in SI units");
        }
        return new Quantity(value, null, writtenUnit, si, r.siSymbol(), true);
    }

    /**
     * A number with a unit as a file recorded it: like {@link #quantity}, except that an absurd unit or a value beyond
     * SI range is kept as written with no SI value (unitKnown=false) instead of refused, so one odd field never costs
     * the rest of a file's metadata. For what people type into a search, use {@link #quantity}, which refuses.
     */
    public Quantity asRecorded(double value, String writtenUnit) {
        try {
            return quantity(value, writtenUnit);
        } catch (UnitOutOfRangeException e) {
            return new Quantity(value, null, writtenUnit, null, null, false);
        }
    }

    private static String siSymbol(Unit<?> si) {
        String s = si.toString();
        return s.equals("one") || s.isEmpty() ? "1" : s;
    }
}
