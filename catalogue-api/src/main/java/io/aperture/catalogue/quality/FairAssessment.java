package io.aperture.catalogue.quality;

import java.util.List;

/**
 * The FAIR assessment of one dataset: every metric with its verdict, and the score, the share of metrics passed in
 * per cent (each metric weighs the same).
 */
public record FairAssessment(int score, List<FairResult> metrics) {
    public FairAssessment {
        metrics = List.copyOf(metrics);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0..100");
        }
    }

    static FairAssessment of(List<FairResult> metrics) {
        long passed = metrics.stream().filter(FairResult::passed).count();
        return new FairAssessment(metrics.isEmpty() ? 0 : Math.round(100f * passed / metrics.size()), metrics);
    }
}
