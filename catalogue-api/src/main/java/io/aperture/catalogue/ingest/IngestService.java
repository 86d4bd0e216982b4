package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.api.DatabaseOutage;
import io.aperture.catalogue.doi.DoiQueue;
import io.aperture.catalogue.embargo.EmbargoService;
import io.aperture.catalogue.metrics.WorkCounters;
import io.aperture.catalogue.preview.PreviewImage;
import io.aperture.catalogue.preview.PreviewStore;
import io.aperture.catalogue.publication.Publications;
import io.aperture.catalogue.quality.QualityStore;
import io.aperture.catalogue.model.*;
import io.aperture.policy.workflow.Placement;
import io.aperture.record.FileRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Applies harvester records to the catalogue. Each record is its own transaction: a bad record is rejected with
 * the field it got wrong and the rest of the batch still lands. A transaction-scoped advisory lock on the record's
 * source (file + entry) serialises concurrent ingests of the same entry, by any number of harvesters or server
 * instances, so the same entry is always one dataset.
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);
    /** Tries per record when it loses a race with a concurrent ingest. */
    private static final int ATTEMPTS = 3;
    /**
     * What the harvester is told when a record fails for a reason of ours: the cause (an exception's message quotes SQL,
     * constraint names and values) goes to the server log only.
     */
    static final String UNEXPECTED = "could not be stored: an unexpected server error (logged)";

    private final EntityManager em;
    private final ReferenceData references;
    private final EmbargoService embargo;
    private final IngestAudit audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final DoiQueue dois;
    private final WorkCounters counters;
    private final QualityStore quality;
    private final Publications publications;
    private final PreviewStore previews;

    IngestService(EntityManager em, ReferenceData references, EmbargoService embargo, IngestAudit audit, ObjectMapper mapper,
                  Clock clock, DoiQueue dois, WorkCounters counters, QualityStore quality, Publications publications,
                  PreviewStore previews) {
        this.previews = previews;
        this.em = em;
        this.references = references;
        this.embargo = embargo;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.dois = dois;
        this.counters = counters;
        this.quality = quality;
        this.publications = publications;
    }

    /**
     * Applies {@code records} one by one, each in its own transaction. A record whose preview is refused
     * ({@link PreviewImage.Refused}: not a PNG, or too large) is rejected alone, naming the preview, as a record
     * failing any other check is: the rest of the batch is applied.
     */
    public List<IngestResult> ingest(List<JsonNode> records, String actor) {
        List<IngestResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            IngestResult result;
            try {
                result = ingestOne(i, records.get(i), PreviewImage.of(records.get(i)), actor);
            } catch (PreviewImage.Refused e) {
                LOG.warnf("ingest: record %d rejected: %s", i, e.getMessage());
                result = IngestResult.rejected(i, "preview", e.getMessage());
            }
            counters.ingested(result.status().name());
            results.add(result);
        }
        return results;
    }

    private IngestResult ingestOne(int index, JsonNode json, Optional<PreviewImage> preview, String actor) {
        IncomingRecord record;
        try {
            record = RecordReader.read(json);
        } catch (InvalidRecordException e) {
            LOG.warnf("ingest: record %d rejected: %s", index, e.getMessage());
            return IngestResult.rejected(index, e.field(), e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug must cost one record, never the batch.
            LOG.errorf(e, "ingest: record %d could not be read", index);
            return IngestResult.rejected(index, "record", UNEXPECTED);
        }
        // the preview is kept beside the record (PreviewStore), never in the stored and exported record; a new
        // preview of an unchanged record still changes the hash, so it is stored
        JsonNode stored = json.isObject() ? ((ObjectNode) json).deepCopy().without("preview") : json;
        String canonical = CanonicalJson.sorted(stored).toString();
        String hash = CanonicalJson.sha256(preview.map(p -> canonical + "\npreview " + CanonicalJson.sha256(
                Base64.getEncoder().encodeToString(p.png()))).orElse(canonical));
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> apply(index, record, canonical, hash, preview, actor));
            } catch (RuntimeException e) {
                if (DatabaseOutage.isCause(e)) {
                    // not this record's fault: the whole request answers 503 and the harvester sends the run again
                    // (what was committed before answers UNCHANGED then); a REJECTED record would never come back
                    throw e;
                }
                if (attempt < ATTEMPTS && ConcurrencyConflict.isCause(e)) {
                    // Another ingest changed a row this one read (two first scans of one visit opening its embargo,
                    // say). The record is applied whole or not at all, so applying it again is safe.
                    LOG.debugf("ingest: record %d (%s#%s) met a concurrent change, attempt %d: %s", index,
                            record.sourcePath(), record.entry(), attempt, rootCause(e));
                    continue;
                }
                LOG.errorf(e, "ingest: record %d (%s#%s) failed", index, record.sourcePath(), record.entry());
                return IngestResult.rejected(index, "record", UNEXPECTED);
            }
        }
    }

    private IngestResult apply(int index, IncomingRecord r, String canonical, String hash, Optional<PreviewImage> preview,
                              String actor) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, r.sourcePath() + "#" + r.entry()).getSingleResult();
        Instant now = clock.instant();
        Dataset existing = Dataset.bySource(r.sourcePath(), r.entry());
        boolean created = existing == null;
        if (!created && hash.equals(existing.recordHash)) {
            return IngestResult.ok(index, IngestStatus.UNCHANGED, existing.pid);
        }
        ReferenceData.Resolved refs = references.resolve(r);
        Dataset ds = created ? new Dataset() : existing;
        if (created) {
            ds.pid = Pids.dataset(r.facility(), r.sourcePath(), r.entry());
            ds.sourcePath = r.sourcePath();
            ds.entryName = r.entry();
            ds.createdAt = now;
        }
        ds.facility = refs.facility();
        ds.kind = r.kind();
        ds.title = r.title();
        ds.collectionStart = r.startTime();
        ds.collectionEnd = r.endTime();
        ds.definition = r.definition().orElse(null);
        ds.programName = r.programName().orElse(null);
        ds.programVersion = r.programVersion().orElse(null);
        ds.scanNumber = r.scanNumber().orElse(null);
        ds.instrument = refs.instrument();
        ds.sample = refs.sample();
        ds.proposal = refs.proposal();
        ds.visit = refs.visit();
        List<FileRef> files = ChildRows.distinctFiles(r);
        ds.sizeBytes = files.stream().mapToLong(f -> f.size() == null ? 0 : f.size()).sum();
        ds.fileCount = files.size();
        ds.recordHash = hash;
        ds.record = canonical;
        ds.updatedAt = now;
        ds.producedAt = r.producedAt();

        // The policy places the dataset before the row is written, so that it is written once (no UPDATE after the
        // INSERT) whenever the dataset falls under an existing embargo; attach then does the writes and the audit.
        Embargo governing = embargo.governing(ds);
        Placement placement = embargo.place(ds, governing, actor, now);
        if (created) {
            em.persist(ds);
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> ChildRows.replace(c, ds.id, created, r, refs.techniqueIds()));
        publications.cited(ds.id, Publications.dois(r.citations()));
        embargo.attach(ds, governing, placement, actor, now);
        dois.recordChanged(ds);
        previews.replace(ds.id, preview, now);
        quality.replace(ds, r.findings(), (doi, licence) -> RecordFacts.of(r, files, doi, licence), now);
        audit.record(ds, created, actor, now);
        return IngestResult.ok(index, created ? IngestStatus.CREATED : IngestStatus.UPDATED, ds.pid);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
