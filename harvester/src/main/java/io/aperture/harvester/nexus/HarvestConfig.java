package io.aperture.harvester.nexus;

import io.aperture.record.Technique;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * How to harvest.
 *
 * @param facility            facility code written into every record
 * @param facilityZone        zone for times written without an offset
 * @param pathPatterns        templates that give beamline/visit/proposal from a file path
 * @param smallLimit          datasets with at most this many elements are read (values, parameters)
 * @param beamlineTechniques  extra techniques per beamline (lower-case beamline name)
 * @param processingPrograms  program names (lower-case prefixes) whose output is PROCESSED
 */
public record HarvestConfig(String facility, ZoneId facilityZone, List<VisitPathPattern> pathPatterns, int smallLimit,
                            Map<String, List<Technique>> beamlineTechniques, List<String> processingPrograms) {

    public static final List<String> DEFAULT_PROCESSING_PROGRAMS =
            List.of("savu", "dials", "mantid", "xia2", "dawn", "autoproc", "fast_dp", "xds", "nxcansas", "xml2hdf5");

    public static HarvestConfig defaults() {
        return new HarvestConfig("DLS", ZoneId.of("Europe/London"),
                List.of(new VisitPathPattern("/dls/{beamline}/data/{year}/{visit}/")), 16, Map.of(),
                DEFAULT_PROCESSING_PROGRAMS);
    }

    public HarvestConfig withFacility(String f) {
        return new HarvestConfig(f, facilityZone, pathPatterns, smallLimit, beamlineTechniques, processingPrograms);
    }

    public HarvestConfig withZone(ZoneId z) {
        return new HarvestConfig(facility, z, pathPatterns, smallLimit, beamlineTechniques, processingPrograms);
    }

    public HarvestConfig withPathPatterns(List<VisitPathPattern> p) {
        return new HarvestConfig(facility, facilityZone, p, smallLimit, beamlineTechniques, processingPrograms);
    }

    public HarvestConfig withBeamlineTechniques(Map<String, List<Technique>> t) {
        return new HarvestConfig(facility, facilityZone, pathPatterns, smallLimit, t, processingPrograms);
    }
}
