package io.aperture.catalogue.quality;

import io.aperture.catalogue.panet.Panet;
import io.aperture.record.FileRef;
import io.aperture.record.Parameter;
import io.aperture.record.QualityFinding;
import io.aperture.record.Technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assesses one catalogue record along the {@link FairMetric}s: plain Java, a pure function of {@link FairFacts}.
 * The rules (docs/metadata-quality.md, "FAIR assessment") say what a NeXus record in this catalogue must carry for
 * each metric; the reason names what is missing so that a beamline knows what to write.
 */
public final class FairAssessor {

    private FairAssessor() {
    }

    public static FairAssessment assess(FairFacts f) {
        List<FairResult> out = new ArrayList<>();
        out.add(f.doi() != null
                ? FairResult.pass(FairMetric.IDENTIFIER, "DOI " + f.doi() + " (registered at DataCite, resolves)")
                : FairResult.fail(FairMetric.IDENTIFIER, "no resolving DOI: the catalogue pid is unique and stable but "
                        + "not a persistent-identifier scheme, and a reserved (draft) DOI does not resolve"));
        out.add(richMetadata(f));
        out.add(searchable(f));
        out.add(persistence(f.files()));
        out.add(techniques(f.techniques()));
        out.add(units(f.parameters()));
        out.add(references(f));
        out.add(f.licence() != null && !f.licence().isBlank()
                ? FairResult.pass(FairMetric.LICENCE, "licence " + f.licence() + " (machine-readable on the landing page)")
                : FairResult.fail(FairMetric.LICENCE, "no licence is known for the record"));
        out.add(provenance(f));
        out.add(standard(f));
        return FairAssessment.of(out);
    }

    private static FairResult richMetadata(FairFacts f) {
        List<String> missing = new ArrayList<>();
        if (f.title() == null || f.title().isBlank()) {
            missing.add("title");
        }
        if (!f.collectionTime()) {
            missing.add("start time");
        }
        if (f.instrument().isEmpty()) {
            missing.add("instrument");
        }
        if (f.sample().isEmpty()) {
            missing.add("sample");
        }
        if (f.parameters().isEmpty()) {
            missing.add("parameters");
        }
        return missing.isEmpty()
                ? FairResult.pass(FairMetric.RICH_METADATA, "title, start time, instrument, sample and "
                        + f.parameters().size() + " parameters")
                : FairResult.fail(FairMetric.RICH_METADATA, "missing: " + String.join(", ", missing));
    }

    /** The fields the search facets and the PaNOSC filters select on: a record without them is found by text only. */
    private static FairResult searchable(FairFacts f) {
        List<String> missing = new ArrayList<>();
        if (f.techniques().isEmpty()) {
            missing.add("technique");
        }
        if (f.instrument().isEmpty()) {
            missing.add("instrument");
        }
        if (f.definition().isEmpty()) {
            missing.add("application definition");
        }
        return missing.isEmpty()
                ? FairResult.pass(FairMetric.SEARCHABLE, "findable by technique, instrument and application definition")
                : FairResult.fail(FairMetric.SEARCHABLE, "no facet value for: " + String.join(", ", missing));
    }

    /**
     * The catalogue keeps a record after its files are archived or deleted; the record still identifies them only when
     * it holds each file's checksum.
     */
    private static FairResult persistence(List<FileRef> files) {
        if (files.isEmpty()) {
            return FairResult.fail(FairMetric.METADATA_PERSISTENCE, "the record lists no file");
        }
        long missing = files.stream().filter(FileRef::missing).count();
        long unsummed = files.stream().filter(file -> file.sha256() == null).count();
        if (missing > 0) {
            return FairResult.fail(FairMetric.METADATA_PERSISTENCE, missing + " of " + files.size()
                    + " files were missing at harvest");
        }
        if (unsummed > 0) {
            return FairResult.fail(FairMetric.METADATA_PERSISTENCE, unsummed + " of " + files.size()
                    + " files without a checksum (harvest with checksums)");
        }
        return FairResult.pass(FairMetric.METADATA_PERSISTENCE, "all " + files.size() + " files with a SHA-256 checksum");
    }

    private static FairResult techniques(List<Technique> techniques) {
        if (techniques.isEmpty()) {
            return FairResult.fail(FairMetric.VOCABULARY_TECHNIQUES, "no technique");
        }
        // a class of the shipped ontology, not merely an IRI in its namespace: a mistyped PaNET number finds nothing
        List<String> other = techniques.stream().map(Technique::iri).filter(iri -> !Panet.shipped().isClass(iri)).toList();
        return other.isEmpty()
                ? FairResult.pass(FairMetric.VOCABULARY_TECHNIQUES, techniques.size() + " PaNET techniques")
                : FairResult.fail(FairMetric.VOCABULARY_TECHNIQUES, "not a PaNET class: " + String.join(", ", other));
    }

    private static FairResult units(List<Parameter> parameters) {
        List<Parameter> withUnit = parameters.stream().filter(p -> p.unit() != null && !p.unit().isBlank()).toList();
        if (withUnit.isEmpty()) {
            return FairResult.fail(FairMetric.VOCABULARY_UNITS, "no parameter with a unit");
        }
        List<String> unknown = withUnit.stream().filter(p -> !Boolean.TRUE.equals(p.unitKnown()))
                .map(p -> p.name() + " [" + p.unit() + "]").toList();
        return unknown.isEmpty()
                ? FairResult.pass(FairMetric.VOCABULARY_UNITS, "all " + withUnit.size() + " units map to SI")
                : FairResult.fail(FairMetric.VOCABULARY_UNITS, unknown.size() + " of " + withUnit.size()
                        + " units not understood: " + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                        + (unknown.size() > 5 ? ", ..." : ""));
    }

    private static FairResult references(FairFacts f) {
        List<String> refs = new ArrayList<>();
        f.proposal().ifPresent(p -> refs.add("proposal " + p));
        if (f.derivedFrom() > 0) {
            refs.add(f.derivedFrom() + " source datasets");
        }
        return refs.isEmpty()
                ? FairResult.fail(FairMetric.QUALIFIED_REFERENCES, "neither a proposal nor source datasets")
                : FairResult.pass(FairMetric.QUALIFIED_REFERENCES, String.join(", ", refs));
    }

    private static FairResult provenance(FairFacts f) {
        if (f.programName().isEmpty()) {
            return FairResult.fail(FairMetric.PROVENANCE, "no program that wrote the file");
        }
        String program = f.programName().get() + f.programVersion().map(v -> " " + v).orElse("");
        if (f.programVersion().isEmpty()) {
            return FairResult.fail(FairMetric.PROVENANCE, "program " + program + " without a version");
        }
        if (f.processed() && f.processingSteps() == 0 && f.derivedFrom() == 0) {
            return FairResult.fail(FairMetric.PROVENANCE, "processed data without processing steps or sources");
        }
        return FairResult.pass(FairMetric.PROVENANCE, "written by " + program
                + (f.processed() ? ", " + f.processingSteps() + " processing steps" : ""));
    }

    private static FairResult standard(FairFacts f) {
        Optional<String> definition = f.definition();
        if (definition.isEmpty()) {
            return FairResult.fail(FairMetric.COMMUNITY_STANDARD, "no application definition declared");
        }
        if (f.findings().isEmpty()) {
            return FairResult.fail(FairMetric.COMMUNITY_STANDARD, definition.get() + " declared, but the file was not checked");
        }
        int errors = count(f.findings().get(), "error");
        return errors == 0
                ? FairResult.pass(FairMetric.COMMUNITY_STANDARD, "conforms to " + definition.get())
                : FairResult.fail(FairMetric.COMMUNITY_STANDARD, errors + " errors against " + definition.get());
    }

    /** The number of findings of {@code level}: the stored counts and the report agree with the assessment's rule. */
    static int count(List<QualityFinding> findings, String level) {
        return (int) findings.stream().filter(x -> level.equals(x.level())).count();
    }
}
