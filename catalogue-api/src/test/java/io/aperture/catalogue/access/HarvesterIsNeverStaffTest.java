package io.aperture.catalogue.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HarvesterIsNeverStaffTest {

    private static SecurityIdentity identity(String... roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("service-account-aperture-harvester"))
                .addRoles(Set.of(roles)).addAttribute("tenant-id", "default").build();
    }

    @Test
    void aHarvesterGrantedStaffLosesStaffAndKeepsTheRest() {
        SecurityIdentity out = HarvesterIsNeverStaff.withoutStaffIfHarvester(identity("harvester", "staff", "offline_access"));
        assertThat(out.getRoles()).containsExactlyInAnyOrder("harvester", "offline_access");
        assertThat(out.hasRole("staff")).isFalse();
        assertThat(out.getPrincipal().getName()).isEqualTo("service-account-aperture-harvester");
        assertThat((String) out.getAttribute("tenant-id")).isEqualTo("default");
    }

    @Test
    void theUserOfficeFeedGrantedStaffLosesStaffToo() {
        SecurityIdentity out = HarvesterIsNeverStaff.withoutStaffIfHarvester(identity("user-office", "staff"));
        assertThat(out.getRoles()).containsExactly("user-office");
    }

    @Test
    void staffAndHarvestersAloneAreUntouched() {
        SecurityIdentity staff = identity("staff");
        SecurityIdentity harvester = identity("harvester");
        assertThat(HarvesterIsNeverStaff.withoutStaffIfHarvester(staff)).isSameAs(staff);
        assertThat(HarvesterIsNeverStaff.withoutStaffIfHarvester(harvester)).isSameAs(harvester);
    }
}
