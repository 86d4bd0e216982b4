package io.aperture.policy.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The harvest health names files of embargoed datasets: facility staff only, not even the harvester that reports it. */
class HarvestHealthDisclosureTest extends DisclosureCase {
    @Test
    void onlyStaffSeeTheHarvestHealth() {
        assertThat(policy.mayReviewHarvestHealth(staff)).isTrue();
        assertThat(policy.mayReviewHarvestHealth(harvester)).isFalse();
        assertThat(policy.mayReviewHarvestHealth(provider)).isFalse();
        assertThat(policy.mayReviewHarvestHealth(pi)).isFalse();
        assertThat(policy.mayReviewHarvestHealth(researcher)).isFalse();
        assertThat(policy.mayReviewHarvestHealth(anonymous)).isFalse();
    }
}
