package io.aperture.catalogue.facility;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * This catalogue's own facility ({@code aperture.facility.*}). Both keys default to environment variables that the
 * harvester reads too, so one setting serves both processes.
 */
@ConfigMapping(prefix = "aperture.facility")
public interface FacilityConfig {
    /**
     * The facility code (records name theirs): the default for user-office proposals that name none, and the facility
     * DataCite gives the configured name and ROR. {@code APERTURE_FACILITY}, else {@code DLS}.
     */
    @WithDefault("${APERTURE_FACILITY:DLS}")
    String code();

    /** The own facility's name: DataCite publisher, OAI-PMH repository name. {@code APERTURE_FACILITY_NAME}. */
    @WithDefault("${APERTURE_FACILITY_NAME:Diamond Light Source}")
    String name();

    /**
     * The facility's instruments by name, registered at start so that the PaNOSC {@code /Instruments} lists every one,
     * also those without public data or not yet named by any record (a record naming one links to it); instruments not
     * listed here appear there once they have public data. None by default.
     */
    Optional<List<String>> instruments();

    /**
     * Where the facility serves the files of released datasets, as a URL with {@code {path}} standing for a file's
     * path (each segment percent-encoded), e.g. {@code https://data.example.org/download{path}}. Landing pages of
     * released datasets then link their files (signposting {@code item}, JSON-LD {@code distribution}). None by
     * default: Aperture catalogues metadata and serves no files itself.
     */
    Optional<String> fileUrl();
}
