package io.aperture.policy.access;

import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoStatus;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides what a caller may see of a record. Every read path (search, record page, files, OAI-PMH, sitemap,
 * exports) asks here and nowhere else.
 *
 * <p>Rules, first match wins:
 * <ol>
 *   <li>released and not withdrawn → everyone {@link Visibility#METADATA_AND_FILES};</li>
 *   <li>a machine identity ({@link FacilityRole#HARVESTER}, {@link FacilityRole#USER_OFFICE}) → {@link Visibility#NONE}
 *       (it writes; it does not read non-public data, whatever other roles it holds);</li>
 *   <li>withdrawn → staff {@code METADATA_AND_FILES} (audited), everyone else {@code NONE};</li>
 *   <li>embargoed: staff → {@code METADATA_AND_FILES} (audited); PI, alternate contact or team member of the
 *       proposal → {@code METADATA_AND_FILES}; a service provider → its grant on the proposal (audited);</li>
 *   <li>anyone else → {@link Visibility#DOI_LANDING} when the record has a registered DOI, otherwise {@code NONE}.</li>
 * </ol>
 */
public final class AccessPolicy {

    private final EmbargoRules rules;
    private final DateTimeFormatter dateFormat;

    /** A policy for the facility configured by {@code rules} (zone for dates in reasons, release licence). */
    public AccessPolicy(EmbargoRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.dateFormat = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK).withZone(rules.facilityZone());
    }

    /** What {@code caller} may see of {@code resource} at {@code now}. */
    public AccessDecision decide(Caller caller, ProtectedResource resource, Instant now) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(now, "now");
        String proposal = resource.proposalId();

        if (resource.isPublicAt(now)) {
            return new AccessDecision(Visibility.METADATA_AND_FILES,
                    "released under " + rules.releaseLicence().spdxId(), false);
        }
        if (caller.isMachine()) {
            return new AccessDecision(Visibility.NONE, "machine identities do not read non-public data", false);
        }
        if (resource.withdrawn()) {
            return caller.actsAsStaff()
                    ? new AccessDecision(Visibility.METADATA_AND_FILES, "withdrawn record, facility staff access", true)
                    : new AccessDecision(Visibility.NONE, "withdrawn record", false);
        }
        if (caller.actsAsStaff()) {
            return new AccessDecision(Visibility.METADATA_AND_FILES, "embargoed data, facility staff access", true);
        }
        if (caller.isMemberOf(proposal)) {
            return new AccessDecision(Visibility.METADATA_AND_FILES,
                    "embargoed data, " + rolesIn(caller, proposal) + " of proposal " + proposal, false);
        }
        Visibility grant = caller.serviceGrant(proposal);
        if (grant.showsMetadata()) {
            return new AccessDecision(grant, "embargoed data, service provider support grant on proposal " + proposal, true);
        }
        if (resource.hasRegisteredDoi()) {
            return new AccessDecision(Visibility.DOI_LANDING,
                    "registered DOI, under embargo until " + dateFormat.format(resource.embargoEnd()), false);
        }
        return new AccessDecision(Visibility.NONE, "under embargo", false);
    }

    /**
     * The search scope of {@code caller}: {@link AccessScope.All} for staff (unless it is a harvester identity),
     * otherwise released data plus the proposals the caller is a member of or holds a support grant on.
     * Agrees with {@link #decide} as described on {@link AccessScope}.
     */
    public AccessScope scopeFor(Caller caller) {
        Objects.requireNonNull(caller, "caller");
        if (caller.isMachine()) {
            return AccessScope.PublicPlus.publicOnly();
        }
        if (caller.actsAsStaff()) {
            return new AccessScope.All();
        }
        return new AccessScope.PublicPlus(caller.proposalsWithMetadataAccess());
    }

    /** The search scope of the anonymous public: what the federation, OAI-PMH and every public-only channel may list. */
    public AccessScope publicScope() {
        return scopeFor(Caller.anonymous());
    }

    /**
     * How much of a record a DataCite (or other public-metadata) export may carry, or empty when the export must
     * answer as for an unknown identifier. A record that is not public yet but has a resolving DOI is exported
     * minimally even to its own team: DataCite metadata is public by nature, so it never says more than the DOI
     * landing page.
     */
    public Optional<ExportDetail> exportDetail(AccessDecision decision, ProtectedResource resource, Instant now) {
        Visibility v = decision.visibility();
        if (v == Visibility.NONE) {
            return Optional.empty();
        }
        if (v == Visibility.DOI_LANDING || (!resource.isPublicAt(now) && resource.hasRegisteredDoi())) {
            return Optional.of(ExportDetail.MINIMAL);
        }
        return Optional.of(ExportDetail.FULL);
    }

    /**
     * Whether a record the caller may not see answers with a tombstone (HTTP 410, "withdrawn") instead of as an unknown
     * one: a withdrawn record whose DOI resolves, since a DOI is a public promise that its landing page stays. A
     * withdrawn record without one, like every other hidden record, stays indistinguishable from an unknown identifier.
     */
    public boolean tombstone(ProtectedResource resource) {
        return resource.withdrawn() && resource.hasRegisteredDoi();
    }

    /**
     * Whether harvesters (OAI-PMH) are told that a record was deleted, rather than never hearing of it again: every
     * withdrawn record that was public before its withdrawal ({@code releasedBeforeWithdrawal} at or before
     * {@code now}), DOI or not — harvesters may hold it, and a withdrawal (for legal reasons, say) must reach their
     * copies; the header names only what they were already served. A record withdrawn while embargoed was never
     * served, so it leaves no trace, whatever its DOI. The repository keeps announcing it ({@code persistent}).
     */
    public boolean announcesDeletion(ProtectedResource resource, Optional<Instant> releasedBeforeWithdrawal, Instant now) {
        return resource.withdrawn() && releasedBeforeWithdrawal.filter(at -> !at.isAfter(now)).isPresent();
    }

    /**
     * The stored status of the records {@link #announcesDeletion} may answer yes for, for a query that preselects
     * them (each is then asked).
     */
    public EmbargoStatus deletionStatus() {
        return EmbargoStatus.WITHDRAWN;
    }

    /**
     * Whether {@code caller} may learn that an embargo of {@code proposalId} exists (see its dates, requests and
     * history, or act on it): facility staff and the proposal's PI, alternate contacts and team members. Anyone else
     * is answered as if there were none.
     */
    public boolean mayLearnOfEmbargo(Caller caller, String proposalId) {
        return caller.actsAsStaff() || caller.isMemberOf(proposalId);
    }

    /** The licence of {@code resource}: the release licence, in force once the record is public. */
    public LicenceTerms licence(ProtectedResource resource, Instant now) {
        return new LicenceTerms(rules.releaseLicence(), resource.isPublicAt(now));
    }

    /**
     * What {@code caller} may learn of the metadata quality of {@code resource} (its findings and FAIR assessment):
     * nothing of a record the caller may not see ({@link QualityDisclosure#UNKNOWN}, as for every read path), everything
     * of a public record, and of a non-public one only what staff may learn ({@code WITHHELD} for its team and service
     * providers: quality is a facility tool, not part of the data the team owns).
     */
    public QualityDisclosure qualityDisclosure(Caller caller, ProtectedResource resource, Instant now) {
        if (!decide(caller, resource, now).visibility().showsMetadata()) {
            return QualityDisclosure.UNKNOWN;
        }
        if (resource.isPublicAt(now) || caller.actsAsStaff()) {
            return QualityDisclosure.SHOWN;
        }
        return QualityDisclosure.WITHHELD;
    }

    /**
     * Whether {@code caller} may see the data preview of {@code resource} (the default plot the harvester rendered):
     * a preview is drawn from the data itself, so it goes with the files, not with the metadata. A caller who may not
     * see it is answered as for an unknown preview (404), whatever the landing page shows (a DOI landing page or a
     * metadata-only support grant shows none).
     */
    public boolean mayPreview(Caller caller, ProtectedResource resource, Instant now) {
        return decide(caller, resource, now).visibility().showsFiles();
    }

    /**
     * Whether {@code caller} may review metadata quality across records (the per-beamline quality report, its exports
     * and the findings facet of search), which counts embargoed records too: facility staff.
     */
    public boolean mayReviewQuality(Caller caller) {
        return caller.actsAsStaff();
    }

    /**
     * Whether {@code caller} may see the harvest health (files refused and why, SWMR waits, dead letters, outbox
     * failures): facility staff. Paths and reasons name files of embargoed datasets, so no one else.
     */
    public boolean mayReviewHarvestHealth(Caller caller) {
        return caller.actsAsStaff();
    }

    /** Whether {@code caller} may list and decide extension requests and withdraw records: facility staff. */
    public boolean mayManageEmbargoes(Caller caller) {
        return caller.actsAsStaff();
    }

    private static String rolesIn(Caller caller, String proposal) {
        return caller.proposalRoles().get(proposal).stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" and "));
    }

    /**
     * Whether {@code caller} may create and update records through the ingest API: only a harvester identity.
     * This is a write right; it grants nothing on read paths.
     */
    public boolean mayIngest(Caller caller) {
        return caller.has(FacilityRole.HARVESTER);
    }
}
