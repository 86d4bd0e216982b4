package io.aperture.policy.access;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking. The catalogue builds it per request from the identity provider (username, facility roles) and
 * from its own user-office data (proposal roles) and staff-issued support grants.
 *
 * @param username      the authenticated username; empty for an anonymous caller
 * @param facilityRoles facility-wide roles
 * @param proposalRoles roles per proposal id
 * @param serviceGrants for a {@link FacilityRole#SERVICE_PROVIDER}: what staff granted, per proposal id
 *                      ({@link Visibility#METADATA} or {@link Visibility#METADATA_AND_FILES})
 */
public record Caller(Optional<String> username,
                     Set<FacilityRole> facilityRoles,
                     Map<String, Set<ProposalRole>> proposalRoles,
                     Map<String, Visibility> serviceGrants) {

    public Caller {
        Objects.requireNonNull(username, "username");
        facilityRoles = Set.copyOf(facilityRoles);
        Map<String, Set<ProposalRole>> roles = new HashMap<>();
        proposalRoles.forEach((proposal, set) -> {
            if (!set.isEmpty()) {
                roles.put(Objects.requireNonNull(proposal), Set.copyOf(set));
            }
        });
        proposalRoles = Map.copyOf(roles);
        serviceGrants = Map.copyOf(serviceGrants);
        if (username.isEmpty() && (!facilityRoles.isEmpty() || !proposalRoles.isEmpty() || !serviceGrants.isEmpty())) {
            throw new IllegalArgumentException("an anonymous caller holds no roles");
        }
        if (username.isPresent() && username.get().isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (!serviceGrants.isEmpty() && !facilityRoles.contains(FacilityRole.SERVICE_PROVIDER)) {
            throw new IllegalArgumentException("only a service provider holds support grants");
        }
        for (Visibility v : serviceGrants.values()) {
            if (!v.showsMetadata()) {
                throw new IllegalArgumentException("a support grant is METADATA or METADATA_AND_FILES, not " + v);
            }
        }
    }

    /** Someone not logged in. */
    public static Caller anonymous() {
        return new Caller(Optional.empty(), Set.of(), Map.of(), Map.of());
    }

    /** An authenticated person with no roles yet (an external researcher). */
    public static Caller user(String username) {
        return new Caller(Optional.of(username), Set.of(), Map.of(), Map.of());
    }

    /** A copy that also holds {@code role}. */
    public Caller withFacilityRole(FacilityRole role) {
        Set<FacilityRole> roles = EnumSet.of(role);
        roles.addAll(facilityRoles);
        return new Caller(username, roles, proposalRoles, serviceGrants);
    }

    /** A copy that also holds {@code role} on {@code proposalId}. */
    public Caller withProposalRole(String proposalId, ProposalRole role) {
        Map<String, Set<ProposalRole>> roles = new HashMap<>(proposalRoles);
        Set<ProposalRole> forProposal = EnumSet.of(role);
        forProposal.addAll(proposalRoles.getOrDefault(proposalId, Set.of()));
        roles.put(proposalId, forProposal);
        return new Caller(username, facilityRoles, roles, serviceGrants);
    }

    /** A copy with a staff-issued support grant on {@code proposalId} (the caller must be a service provider). */
    public Caller withServiceGrant(String proposalId, Visibility level) {
        Map<String, Visibility> grants = new HashMap<>(serviceGrants);
        grants.put(proposalId, level);
        return new Caller(username, facilityRoles, proposalRoles, grants);
    }

    /** Whether nobody is logged in. */
    public boolean isAnonymous() {
        return username.isEmpty();
    }

    /**
     * Whether the caller exercises staff rights: holds {@link FacilityRole#STAFF} and is not a harvester identity
     * (a machine account never gains human rights, whatever roles it is given).
     */
    public boolean actsAsStaff() {
        return has(FacilityRole.STAFF) && !isMachine();
    }

    /**
     * Whether the caller is a machine identity (the harvester, the user office's feed): it writes what it is for and
     * exercises no human right — no staff rights, no proposal role — even when a user-office list names its account
     * as a member (the feed could otherwise make itself, or the harvester, PI of any proposal and release its data).
     */
    public boolean isMachine() {
        return has(FacilityRole.HARVESTER) || has(FacilityRole.USER_OFFICE);
    }

    /** Whether the caller holds the facility {@code role} (see {@link #actsAsStaff()} for staff rights). */
    public boolean has(FacilityRole role) {
        return facilityRoles.contains(role);
    }

    /** Whether the caller holds {@code role} on {@code proposalId}. */
    public boolean holds(String proposalId, ProposalRole role) {
        return !isMachine() && proposalRoles.getOrDefault(proposalId, Set.of()).contains(role);
    }

    /** Whether the caller is a PI, alternate contact or team member of {@code proposalId} (never a machine identity). */
    public boolean isMemberOf(String proposalId) {
        return !isMachine() && proposalRoles.containsKey(proposalId);
    }

    /** The support grant on {@code proposalId}, honoured only while the caller is a service provider. */
    public Visibility serviceGrant(String proposalId) {
        return has(FacilityRole.SERVICE_PROVIDER) ? serviceGrants.getOrDefault(proposalId, Visibility.NONE) : Visibility.NONE;
    }

    /** The name recorded as actor in audit facts. */
    public String actorName() {
        return username.orElse("anonymous");
    }

    /** Proposal ids whose embargoed metadata this caller may see through membership or grants (not staff). */
    Set<String> proposalsWithMetadataAccess() {
        if (isMachine()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>(proposalRoles.keySet());
        if (has(FacilityRole.SERVICE_PROVIDER)) {
            ids.addAll(serviceGrants.keySet()); // every grant is at least METADATA (checked on construction)
        }
        return ids;
    }
}
