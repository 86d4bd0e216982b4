package io.aperture.catalogue.search;

import io.aperture.catalogue.model.ParameterPath;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How researchers name parameters. A parameter is stored under its full NeXus path
 * ({@code /entry/instrument/monochromator/wavelength}); researchers type {@code wavelength} or
 * {@code sample temperature}. The index holds every trailing run of a path's segments ({@link ParameterPath#suffixes},
 * beside the entity) and a query name becomes the trailing runs it stands for ({@link #candidates}, here), both splitting
 * names with {@link ParameterPath#segments}, so a name matches a parameter exactly when the parameter's path ends with it,
 * segment by segment.
 * <ul>
 *   <li>Case does not matter; a leading {@code /} is ignored, so a full path still matches only itself.</li>
 *   <li>An array element's index is dropped: {@code temperature[3]} is a {@code temperature}.</li>
 *   <li>A {@code value} field stands for its group too (NXlog and NXsensor keep their reading in {@code value}), so
 *       {@code /entry/sample/temperature/value} is also {@code sample/temperature}.</li>
 *   <li>Longer names match literally, segment by segment: a full path finds that path (with its array elements and
 *       NXlog value, by the rules above) and nothing else.</li>
 *   <li>Words separated by spaces are path segments ({@code sample temperature} → {@code sample/temperature}) or one
 *       underscored field name ({@code incident wavelength} → {@code incident_wavelength}).</li>
 *   <li>NeXus names one quantity differently in different base classes; {@link #SAME_QUANTITY} lists those names,
 *       and a short name (one segment) matches any name of its group (NXmonochromator/wavelength,
 *       NXbeam/incident_wavelength). Nothing else is guessed: the list only grows with names the NeXus base classes
 *       give the same quantity.</li>
 *   <li>The PaNOSC portal's names ({@link #PANOSC_NAMES}: {@code sample_temperature}, {@code incident_photon_energy}, …)
 *       stand for the NeXus places they describe.</li>
 * </ul>
 */
public final class ParameterNames {
    /** Field names the NeXus base classes use for one and the same physical quantity. */
    static final List<Set<String>> SAME_QUANTITY = List.of(
            Set.of("wavelength", "incident_wavelength"),                 // NXmonochromator, NXbeam
            Set.of("wavelength_spread", "incident_wavelength_spread"),   // NXmonochromator, NXbeam
            Set.of("wavelength_error", "wavelength_errors", "incident_wavelength_errors"),
            Set.of("energy", "incident_energy"),                         // NXmonochromator, NXbeam
            Set.of("energy_error", "energy_errors", "incident_energy_errors"));

    /**
     * The PaNOSC portal's parameter vocabulary (design/PANOSC.md §3.6), which names the place as well as the quantity,
     * in NeXus trailing segments.
     */
    static final Map<String, Set<String>> PANOSC_NAMES = Map.of(
            "sample_temperature", Set.of("sample/temperature"),
            "sample_pressure", Set.of("sample/pressure"),
            "incident_photon_energy", Set.of("energy", "incident_energy"),
            "photon_energy", Set.of("energy", "incident_energy"));

    /** Longest name accepted in a query. */
    private static final int MAX_QUERY_LENGTH = 500;

    private ParameterNames() {
    }

    /** The query side: the trailing runs a name typed by a researcher stands for; any one of them must match. */
    public static Set<String> candidates(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidSearchException("param", "a parameter name must have 1 to " + MAX_QUERY_LENGTH + " characters");
        }
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(q.replaceAll("\\s+", "/"));
        spellings.add(q.replaceAll("\\s+", "_"));
        Set<String> out = new LinkedHashSet<>();
        for (String s : spellings) {
            List<String> segments = ParameterPath.segments(s);
            if (segments.isEmpty()) {
                continue;
            }
            if (segments.size() > 1) {
                out.add(String.join("/", segments));
            } else {
                out.addAll(sameQuantity(segments.get(0)));
                out.addAll(PANOSC_NAMES.getOrDefault(segments.get(0), Set.of()));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidSearchException("param", "a parameter name must name at least one path segment");
        }
        return out;
    }

    private static Set<String> sameQuantity(String segment) {
        for (Set<String> group : SAME_QUANTITY) {
            if (group.contains(segment)) {
                return new TreeSet<>(group);
            }
        }
        return Set.of(segment);
    }
}
