package io.aperture.harvester.cli;

import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.VisitPathPattern;
import io.aperture.harvester.record.Technique;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Extraction options shared by the file and scan commands. */
public final class HarvestOptions {

    @Option(names = "--facility", defaultValue = "${env:APERTURE_FACILITY:-DLS}", description = "Facility code (default: ${DEFAULT-VALUE}).")
    String facility;

    @Option(names = "--zone", defaultValue = "Europe/London", description = "Zone for times without offset (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--path-pattern", description = "Path template giving beamline/visit, e.g. /dls/{beamline}/data/{year}/{visit}/ (repeatable).")
    List<String> pathPatterns;

    @Option(names = "--beamline-technique", description = "beamline=PaNET IRI[|label] rule (repeatable), e.g. i03=http://purl.org/pan-science/PaNET/PaNET01164|macromolecular crystallography")
    List<String> beamlineTechniques;

    HarvestConfig config() {
        HarvestConfig c = HarvestConfig.defaults().withFacility(facility).withZone(ZoneId.of(zone));
        if (pathPatterns != null && !pathPatterns.isEmpty()) {
            c = c.withPathPatterns(pathPatterns.stream().map(VisitPathPattern::new).toList());
        }
        if (beamlineTechniques != null) {
            Map<String, List<Technique>> rules = new HashMap<>();
            for (String rule : beamlineTechniques) {
                int eq = rule.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--beamline-technique needs beamline=IRI, got " + rule);
                }
                String[] iriLabel = rule.substring(eq + 1).split("\\|", 2);
                rules.computeIfAbsent(rule.substring(0, eq).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Technique(iriLabel[0], iriLabel.length > 1 ? iriLabel[1] : null));
            }
            c = c.withBeamlineTechniques(rules);
        }
        return c;
    }
}
