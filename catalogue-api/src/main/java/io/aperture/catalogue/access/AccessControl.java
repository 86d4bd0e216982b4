package io.aperture.catalogue.access;

import io.aperture.catalogue.audit.FactLog;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.SearchScope;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.access.AccessScope;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.LicenceTerms;
import io.aperture.policy.access.ProtectedResource;
import io.aperture.policy.access.QualityDisclosure;
import io.aperture.policy.audit.AuditFact;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the policy module what the current caller may see. Every read path goes through here: the search scope for
 * queries, {@link #read} for single records (which audits what the policy says is audited), {@link #publicScope} and
 * {@link #decideForPublic} for the channels that serve the public whoever calls (PaNOSC, OAI-PMH).
 */
@RequestScoped
public class AccessControl {
    private final SecurityIdentity identity;
    private final CallerResolver callers;
    private final AccessPolicy policy;
    private final FactLog facts;
    private final Clock clock;
    private Caller caller;

    AccessControl(SecurityIdentity identity, CallerResolver callers, AccessPolicy policy, FactLog facts, Clock clock) {
        this.identity = identity;
        this.callers = callers;
        this.policy = policy;
        this.facts = facts;
        this.clock = clock;
    }

    public Caller caller() {
        if (caller == null) {
            caller = callers.resolve(identity);
        }
        return caller;
    }

    /**
     * Resolves the caller before a record is looked up. Resolved only once a record is found, a signed-in caller's
     * proposal roles (a statement whenever they are not cached) would be read for an existing, hidden pid and not
     * for an unknown one: a difference in time between two 404s.
     */
    public void resolveBeforeLookup() {
        caller();
    }

    /**
     * The dataset {@code pid} names, for a read the policy decides next, or null: the caller resolved first
     * ({@link #resolveBeforeLookup}), and an identifier no record can have (NUL, too long) unknown like any other,
     * without asking the database.
     */
    public Dataset lookUp(String pid) {
        resolveBeforeLookup();
        return InputText.possibleIdentifier(pid) ? Dataset.byPid(pid) : null;
    }

    /** What the caller may find through search. */
    public SearchScope searchScope() {
        return SearchScope.of(policy.scopeFor(caller())).withQualityFindings(policy.mayReviewQuality(caller()));
    }

    /** What the anonymous public may find, whoever calls: for channels that serve public data only. */
    public SearchScope publicScope() {
        return SearchScope.of(policy.publicScope());
    }

    /** What the caller may see of {@code d}, without auditing: for deciding whether to mention another record. */
    public AccessDecision decide(Dataset d) {
        return policy.decide(caller(), resource(d), clock.instant());
    }

    /**
     * What the caller may see of {@code d}, to be served through {@code view}: when the policy says the access is
     * audited, the audit row is appended in the caller's transaction, so it is recorded exactly when the read is.
     */
    public AccessDecision read(Dataset d, String view) {
        ProtectedResource resource = resource(d);
        AccessDecision decision = policy.decide(caller(), resource, clock.instant());
        if (decision.audited()) {
            facts.append(AuditFact.protectedDataAccessed(caller(), resource, clock.instant()), Optional.empty(),
                    Map.of("view", view, "accessReason", decision.reason()));
        }
        return decision;
    }

    /**
     * What the caller may learn of the metadata quality of {@code d} (findings, FAIR assessment), to be served through
     * {@code view}; when it is shown and the policy audits the caller's access to {@code d}, the read is audited.
     */
    public QualityDisclosure readQuality(Dataset d, String view) {
        QualityDisclosure disclosure = decideQuality(d);
        if (disclosure == QualityDisclosure.SHOWN) {
            read(d, view);
        }
        return disclosure;
    }

    /** What the caller may learn of the metadata quality of {@code d}, without auditing: for a page that audited its read. */
    public QualityDisclosure decideQuality(Dataset d) {
        return policy.qualityDisclosure(caller(), resource(d), clock.instant());
    }

    /** Whether the caller may review metadata quality across records (the staff report, the findings facet). */
    public boolean mayReviewQuality() {
        return policy.mayReviewQuality(caller());
    }

    /** Whether the caller may see the harvest health (the staff dashboard's section, its API). */
    public boolean mayReviewHarvestHealth() {
        return policy.mayReviewHarvestHealth(caller());
    }

    /** Whether the caller may see the data preview of {@code d} (it goes with the files, not the metadata). */
    public boolean mayPreview(Dataset d) {
        return policy.mayPreview(caller(), resource(d), clock.instant());
    }

    /** Whether the anonymous public may see the data preview of {@code d}: a shared cache may then keep it. */
    public boolean publicMayPreview(Dataset d) {
        return policy.mayPreview(Caller.anonymous(), resource(d), clock.instant());
    }

    /** What an anonymous member of the public may see of a dataset, whoever calls. */
    public AccessDecision decideForPublic(Dataset d) {
        return policy.decide(Caller.anonymous(), resource(d), clock.instant());
    }

    /** Whether {@code d}, hidden from the caller, answers with a tombstone (withdrawn, DOI resolves) rather than as unknown. */
    public boolean tombstone(Dataset d) {
        return policy.tombstone(resource(d));
    }

    /** Whether OAI-PMH announces {@code d} as deleted: a tombstone that was public before its withdrawal. */
    public boolean announcesDeletion(Dataset d) {
        return policy.announcesDeletion(resource(d), Optional.ofNullable(d.releasedAt), clock.instant());
    }

    /** How much of {@code d} an export may carry under {@code decision}; empty: answer as for an unknown record. */
    public Optional<ExportDetail> exportDetail(AccessDecision decision, Dataset d) {
        return policy.exportDetail(decision, resource(d), clock.instant());
    }

    /** The licence {@code d} is, or will be, published under, and whether it is in force now. */
    public LicenceTerms licence(Dataset d) {
        return policy.licence(resource(d), clock.instant());
    }

    /** The policy's view of a stored dataset: the one translation every read path uses. */
    public static ProtectedResource resource(Dataset d) {
        // A dataset without a proposal belongs to no team: only staff see it while it is embargoed.
        String proposal = d.proposal == null ? "" : d.proposal.pid;
        return ProtectedResource.of(d.pid, proposal, d.accessState, d.currentEmbargoEnd(), Optional.ofNullable(d.releasedAt),
                d.doiState);
    }
}
