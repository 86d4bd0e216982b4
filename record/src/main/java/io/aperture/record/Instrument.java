package io.aperture.record;

import java.util.List;
import java.util.Map;

/** Components other than source and detectors are kept as name → value maps (values: Quantity or text). */
public record Instrument(String name, String shortName, SourceInfo source, Map<String, Object> beam,
                         Map<String, Object> monochromator, List<Detector> detectors,
                         List<Map<String, Object>> positioners, List<Map<String, Object>> monitors,
                         List<Map<String, Object>> attenuators) {
}
