package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.doi.DoiAccepted;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.quality.QualityStore;
import io.aperture.record.FileRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Assesses a dataset again when the one fact of its FAIR assessment that changes without a new record changes: its
 * DOI comes to resolve (or stops). The record is read back from the catalogue ({@code dataset.record}, kept as
 * ingested) through the same reader and facts as at ingest, so the assessment stays a function of record and DOI.
 * {@link QualityBackfill} uses the same path for datasets stored before quality was kept.
 */
@ApplicationScoped
class QualityReassessment {
    private static final Logger LOG = Logger.getLogger(QualityReassessment.class);

    private final EntityManager em;
    private final QualityStore quality;
    private final ObjectMapper mapper;

    QualityReassessment(EntityManager em, QualityStore quality, ObjectMapper mapper) {
        this.em = em;
        this.quality = quality;
        this.mapper = mapper;
    }

    void onDoiAccepted(@Observes DoiAccepted accepted) {
        if (quality.identifierStale(accepted.datasetId())) {
            reassess(accepted.datasetId(), accepted.at());
        }
    }

    /** Assesses the dataset with id {@code datasetId} from its stored record; false when there is none that reads. */
    boolean reassess(long datasetId, Instant now) {
        Dataset ds = em.find(Dataset.class, datasetId);
        if (ds == null || ds.record == null) {
            return false;
        }
        IncomingRecord r;
        try {
            r = RecordReader.read(mapper.readTree(ds.record));
        } catch (JsonProcessingException | InvalidRecordException e) {
            // a record stored under older reader rules: the caller's transaction (a DOI call) must still commit
            LOG.warnf("quality: %s not reassessed, its stored record no longer reads: %s", ds.pid, e.getMessage());
            return false;
        }
        List<FileRef> files = ChildRows.distinctFiles(r);
        quality.replace(ds, r.findings(), (doi, licence) -> RecordFacts.of(r, files, doi, licence), now);
        return true;
    }
}
