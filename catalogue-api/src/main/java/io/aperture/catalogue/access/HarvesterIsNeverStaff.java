package io.aperture.catalogue.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A machine identity (the harvester, the user office's feed) never holds the staff role, whatever the identity
 * provider grants it: the harvester's credentials sit on beamline machines, the feed names every proposal's PI, and
 * staff rights open every embargoed record, the audit trail and the extension decisions. Applied to the identity itself, so {@code @RolesAllowed("staff")} and the policy's caller
 * agree.
 */
@ApplicationScoped
public class HarvesterIsNeverStaff implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withoutStaffIfHarvester(identity));
    }

    static SecurityIdentity withoutStaffIfHarvester(SecurityIdentity identity) {
        boolean machine = identity.hasRole("harvester") || identity.hasRole("user-office");
        if (identity.isAnonymous() || !machine || !identity.hasRole("staff")) {
            return identity;
        }
        Set<String> roles = identity.getRoles().stream().filter(r -> !"staff".equals(r)).collect(Collectors.toSet());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles)
                .addPermissionChecker(identity::checkPermission)
                .build();
    }
}
