package io.aperture.catalogue.quality;

/**
 * One metric's verdict on one dataset.
 *
 * @param metric the metric's key ({@link FairMetric#key()})
 * @param fujiId the FAIRsFAIR / F-UJI identifier it follows
 * @param title  what it checks, in words
 * @param passed whether the record meets it
 * @param reason why, naming what is there or what is missing
 */
public record FairResult(String metric, String fujiId, String title, boolean passed, String reason) {
    static FairResult pass(FairMetric m, String reason) {
        return new FairResult(m.key(), m.fujiId(), m.title(), true, reason);
    }

    static FairResult fail(FairMetric m, String reason) {
        return new FairResult(m.key(), m.fujiId(), m.title(), false, reason);
    }
}
