package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.embargo.EmbargoService;
import io.aperture.catalogue.model.*;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies harvester records to the catalogue. Each record is its own transaction: a bad record is rejected with
 * the field it got wrong and the rest of the batch still lands. A transaction-scoped advisory lock on the record's
 * source (file + entry) serialises concurrent ingests of the same entry, by any number of harvesters or server
 * instances, so the same entry is always one dataset.
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final EntityManager em;
    private final ReferenceData references;
    private final EmbargoService embargo;
    private final ObjectMapper mapper;
    private final Clock clock;

    IngestService(EntityManager em, ReferenceData references, EmbargoService embargo, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.references = references;
        this.embargo = embargo;
        this.mapper = mapper;
        this.clock = clock;
    }

    public List<IngestResult> ingest(List<JsonNode> records, String actor) {
        List<IngestResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            results.add(ingestOne(i, records.get(i), actor));
        }
        return results;
    }

    private IngestResult ingestOne(int index, JsonNode json, String actor) {
        IncomingRecord record;
        try {
            record = RecordReader.read(json);
        } catch (InvalidRecordException e) {
            LOG.warnf("ingest: record %d rejected: %s", index, e.getMessage());
            return IngestResult.rejected(index, e.field(), e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug must cost one record, never the batch.
            LOG.errorf(e, "ingest: record %d could not be read", index);
            return IngestResult.rejected(index, "record", "could not be read: " + e.getClass().getSimpleName());
        }
        String canonical = CanonicalJson.sorted(json).toString();
        String hash = CanonicalJson.sha256(canonical);
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(index, record, canonical, hash, actor));
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingest: record %d (%s#%s) failed", index, record.sourcePath(), record.entry());
            return IngestResult.rejected(index, "record", "could not be stored: " + rootMessage(e));
        }
    }

    private IngestResult apply(int index, IncomingRecord r, String canonical, String hash, String actor) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, r.sourcePath() + "#" + r.entry()).getSingleResult();
        Instant now = clock.instant();
        Dataset existing = Dataset.bySource(r.sourcePath(), r.entry());
        boolean created = existing == null;
        if (!created && hash.equals(existing.recordHash)) {
            return IngestResult.ok(index, IngestStatus.UNCHANGED, existing.pid);
        }
        Facility facility = references.facility(r.facility());
        Dataset ds = created ? new Dataset() : existing;
        if (created) {
            ds.pid = Pids.dataset(facility.code, r.sourcePath(), r.entry());
            ds.sourcePath = r.sourcePath();
            ds.entryName = r.entry();
            ds.createdAt = now;
        }
        ds.facility = facility;
        ds.kind = r.kind();
        ds.title = r.title();
        ds.collectionStart = r.startTime();
        ds.collectionEnd = r.endTime();
        ds.definition = r.definition().orElse(null);
        ds.programName = r.programName().orElse(null);
        ds.programVersion = r.programVersion().orElse(null);
        ds.scanNumber = r.scanNumber().orElse(null);
        ds.instrument = r.instrument().map(i -> references.instrument(facility, i)).orElse(null);
        ds.sample = r.sample().map(s -> references.sample(facility, s)).orElse(null);
        ds.proposal = r.proposal().map(p -> references.proposal(facility, p)).orElse(null);
        ds.visit = ds.proposal == null ? null : r.visit().map(v -> references.visit(ds.proposal, v)).orElse(null);
        if (!created) {
            // Hibernate inserts before it deletes within one flush: remove the old children first, or a file listed
            // again would collide with itself on (dataset, path).
            ds.techniques.clear();
            ds.parameters.clear();
            ds.files.clear();
            ds.processingSteps.clear();
            ds.derivedFrom.clear();
            em.flush();
        }
        r.techniques().forEach(t -> ds.techniques.add(references.technique(t)));
        replaceParameters(ds, r);
        replaceFiles(ds, r);
        replaceProcessing(ds, r);
        replaceDerivations(ds, r);
        ds.recordHash = hash;
        ds.record = canonical;
        ds.updatedAt = now;

        ds.producedAt = r.producedAt();
        if (created) {
            // Embargoed until the embargo engine (attach, below, same transaction) says otherwise: never open by default.
            ds.embargoEnd = ds.producedAt;
            ds.accessState = AccessState.EMBARGOED;
            em.persist(ds);
        }
        em.flush();
        embargo.attach(ds, actor, now);
        embargo.recordIngest(ds, created, actor, now);
        return IngestResult.ok(index, created ? IngestStatus.CREATED : IngestStatus.UPDATED, ds.pid);
    }

    private static void replaceParameters(Dataset ds, IncomingRecord r) {
        ds.parameters.clear();
        for (IncomingRecord.ParameterValue p : r.parameters()) {
            Parameter e = new Parameter();
            e.dataset = ds;
            e.name = p.name();
            e.numericValue = p.value();
            e.textValue = p.text();
            e.unit = p.unit();
            e.siValue = p.siValue();
            e.siUnit = p.siUnit();
            e.unitKnown = p.unitKnown();
            ds.parameters.add(e);
        }
    }

    private static void replaceFiles(Dataset ds, IncomingRecord r) {
        ds.files.clear();
        long size = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (IncomingRecord.FileRef f : r.files()) {
            if (!seen.add(f.path())) {
                continue; // several links may reach one file; it is one file of the dataset
            }
            Datafile e = new Datafile();
            e.dataset = ds;
            e.path = f.path();
            e.role = f.role();
            e.sizeBytes = f.size();
            e.modifiedAt = f.modified();
            e.missing = f.missing();
            e.checksum = f.sha256() == null ? null : "sha256:" + f.sha256();
            ds.files.add(e);
            size += f.size() == null ? 0 : f.size();
        }
        ds.sizeBytes = size;
        ds.fileCount = ds.files.size();
    }

    private static void replaceProcessing(Dataset ds, IncomingRecord r) {
        ds.processingSteps.clear();
        int seq = 0;
        for (IncomingRecord.ProcessingRef p : r.processing()) {
            ProcessingStep s = new ProcessingStep();
            s.dataset = ds;
            s.seq = p.sequenceIndex() != null ? p.sequenceIndex() : seq;
            seq++;
            s.name = p.name();
            s.program = p.program();
            s.programVersion = p.version();
            s.performedAt = p.date();
            s.parameters = p.parametersJson();
            ds.processingSteps.add(s);
        }
    }

    private static void replaceDerivations(Dataset ds, IncomingRecord r) {
        ds.derivedFrom.clear();
        for (String ref : new java.util.LinkedHashSet<>(r.derivedFrom())) {
            DatasetDerivation d = new DatasetDerivation();
            d.dataset = ds;
            d.sourceReference = ref;
            int hash = ref.lastIndexOf('#');
            if (hash > 0) {
                d.sourceDataset = Dataset.bySource(ref.substring(0, hash), ref.substring(hash + 1));
            }
            ds.derivedFrom.add(d);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
