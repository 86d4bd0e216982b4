package io.aperture.harvester.nexus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisitPathPatternTest {

    @Test
    void diamondLayoutGivesBeamlineVisitAndProposal() {
        var p = new VisitPathPattern("/dls/{beamline}/data/{year}/{visit}/");
        var m = p.match("/dls/i03/data/2022/cm22951-1/xtal/scan_0001.nxs").orElseThrow();
        assertThat(m).containsEntry("beamline", "i03").containsEntry("year", "2022")
                .containsEntry("visit", "cm22951-1").containsEntry("proposal", "cm22951");
        assertThat(p.match("/home/user/file.nxs")).isEmpty();
    }

    @Test
    void proposalNeedsAVisitShape() {
        assertThat(VisitPathPattern.proposalOf("mt9396-1")).contains("mt9396");
        assertThat(VisitPathPattern.proposalOf("commissioning")).isEmpty();
    }
}
