package io.aperture.harvester.nexus;

import io.aperture.record.Technique;

import java.util.Map;
import java.util.Optional;

/**
 * Application definition → PaNET technique. IRIs and labels are taken from PaNET v1.3.0 (PaNET.csv).
 */
public final class TechniqueTable {
    private static final String PANET = "http://purl.org/pan-science/PaNET/";

    private static final Map<String, Technique> BY_DEFINITION = Map.ofEntries(
            entry("NXmx", "PaNET01164", "macromolecular crystallography"),
            entry("NXtomo", "PaNET01129", "tomography"),
            entry("NXtomoproc", "PaNET01129", "tomography"),
            entry("NXcanSAS", "PaNET01124", "small angle scattering"),
            entry("NXsas", "PaNET01124", "small angle scattering"),
            entry("NXarpes", "PaNET01089", "angle resolved photoemission spectroscopy"),
            entry("NXstxm", "PaNET01219", "scanning transmission x-ray microscopy"),
            entry("NXfluo", "PaNET01177", "x-ray fluorescence"),
            entry("NXxas", "PaNET01196", "x-ray absorption spectroscopy"),
            entry("NXrefscan", "PaNET01121", "reflectometry"),
            entry("NXreftof", "PaNET01121", "reflectometry"),
            entry("NXmonopd", "PaNET01030", "powder diffraction"),
            entry("NXspe", "PaNET01245", "inelastic neutron spectroscopy"));

    private TechniqueTable() {
    }

    private static Map.Entry<String, Technique> entry(String definition, String id, String label) {
        return Map.entry(definition.toLowerCase(), new Technique(PANET + id, label));
    }

    public static Optional<Technique> forDefinition(String definition) {
        return definition == null ? Optional.empty()
                : Optional.ofNullable(BY_DEFINITION.get(definition.strip().toLowerCase()));
    }
}
