package io.aperture.catalogue.access;

import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.MemberRole;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.aperture.policy.access.ProposalRole;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Turns an authenticated identity into the policy's {@link Caller}: facility roles from the identity provider's realm
 * roles, proposal roles from the user-office data (matched by preferred_username).
 */
@ApplicationScoped
public class CallerResolver {

    @Transactional(Transactional.TxType.SUPPORTS)
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
        // one query for all the person's roles: every signed-in request pays for it, before any search
        List<Object[]> roles = Member.getEntityManager().createQuery(
                        "select m.proposal.pid, m.role from Member m where m.person.username = ?1", Object[].class)
                .setParameter(1, username).getResultList();
        for (Object[] role : roles) {
            caller = caller.withProposalRole((String) role[0], ProposalRole.valueOf(((MemberRole) role[1]).name()));
        }
        return caller;
    }
}
