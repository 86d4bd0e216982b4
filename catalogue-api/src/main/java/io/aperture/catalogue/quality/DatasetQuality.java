package io.aperture.catalogue.quality;

import io.aperture.record.QualityFinding;

import java.time.Instant;
import java.util.List;

/**
 * A dataset's metadata quality as the API and the landing page show it.
 *
 * @param checked  whether the harvester checked the file (false: no findings were sent)
 * @param findings the conformance findings of the dataset's entry, at most 200
 * @param fair     the FAIR assessment, computed when the record last changed ({@code assessedAt})
 */
public record DatasetQuality(String pid, boolean checked, int errors, int warnings, int infos,
                             List<QualityFinding> findings, FairAssessment fair, Instant assessedAt) {
    static DatasetQuality of(String pid, QualityStore.Stored s) {
        return new DatasetQuality(pid, s.checked(), s.errors(), s.warnings(), s.infos(), s.findings(), s.fair(),
                s.assessedAt());
    }
}
