package io.aperture.catalogue.access;

import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.Person;
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
        Person person = Person.byUsername(username);
        if (person != null) {
            List<Member> memberships = Member.list("person", person);
            for (Member m : memberships) {
                caller = caller.withProposalRole(m.proposal.pid, ProposalRole.valueOf(m.role.name()));
            }
        }
        return caller;
    }
}
