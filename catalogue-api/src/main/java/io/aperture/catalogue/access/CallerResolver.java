package io.aperture.catalogue.access;

import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an authenticated identity into the policy's {@link Caller}: facility roles from the identity provider's realm
 * roles, proposal roles from the user-office data (matched by preferred_username, {@link ProposalRoles}).
 */
@ApplicationScoped
public class CallerResolver {
    private final ProposalRoles proposalRoles;

    CallerResolver(ProposalRoles proposalRoles) {
        this.proposalRoles = proposalRoles;
    }

    public Caller resolve(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.anonymous();
        }
        String username = identity.getPrincipal().getName();
        Caller caller = Caller.user(username);
        if (identity.hasRole("staff")) {
            caller = caller.withFacilityRole(FacilityRole.STAFF);
        }
        if (identity.hasRole("service-provider")) {
            caller = caller.withFacilityRole(FacilityRole.SERVICE_PROVIDER);
        }
        if (identity.hasRole("harvester")) {
            caller = caller.withFacilityRole(FacilityRole.HARVESTER);
        }
        if (identity.hasRole("user-office")) {
            caller = caller.withFacilityRole(FacilityRole.USER_OFFICE);
        }
        for (ProposalRoles.Role role : proposalRoles.of(username)) {
            caller = caller.withProposalRole(role.proposalPid(), role.role());
        }
        return caller;
    }
}
