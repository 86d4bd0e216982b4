package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.datacite.DatasetExtras;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.Instrument;
import io.aperture.catalogue.search.SearchScope;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.embargo.EmbargoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.*;

/**
 * The records OAI-PMH may disseminate: the policy's public scope ({@link AccessPolicy#publicScope()}), selected by datestamp
 * and set, and the withdrawn records the policy announces as deleted ({@code AccessPolicy.announcesDeletion}: public
 * before), served as deleted headers. The sitemap's methods ({@link #countAll}, {@link #inIdOrder},
 * {@link #instruments}) list public records only. Lists translate the public scope into the database query exactly as the search service translates it into
 * the index query (released records only), and every record is then checked with the policy for an anonymous
 * caller before it is written, so a record the policy hides never leaves the server even if the two disagreed.
 *
 * <p>A record's datestamp is the later of its last update and its release: a release changes what the record says
 * (licence, dates), so harvesters that ask "from yesterday" must receive newly released records.
 */
@ApplicationScoped
public class PublicRecords {
    private static final String PUBLIC = "d.accessState = :released";
    /**
     * What OAI-PMH serves: the public records, and the candidates for a deleted record (withdrawn after release), each
     * of which is then asked of the policy ({@link AccessControl#announcesDeletion}).
     */
    private static final String SERVED = "(" + PUBLIC + " or (d.accessState = :deleted and d.releasedAt is not null))";
    private static final String STAMP = "(case when d.releasedAt is not null and d.releasedAt > d.updatedAt then d.releasedAt else d.updatedAt end)";

    /** A record to serve; {@code deleted}: only its header, as deleted (the policy announces its withdrawal). */
    public record Row(Dataset dataset, Instant datestamp, boolean deleted) {}

    private final EntityManager em;
    private final AccessControl access;
    /** OAI-PMH is anonymous: the public scope, whoever calls; the stored status the policy calls open. */
    private final EmbargoStatus released;
    /** The stored status of records the policy may announce as deleted. */
    private final EmbargoStatus deleted;

    PublicRecords(EntityManager em, AccessControl access, AccessPolicy policy) {
        this.em = em;
        this.access = access;
        this.released = openStatus(SearchScope.of(policy.publicScope()));
        this.deleted = policy.deletionStatus();
    }

    /** Whether the policy lets an anonymous caller see the record in OAI-PMH at all (its "search and exports" level). */
    private boolean publicSees(Dataset d) {
        return access.decideForPublic(d).visibility().showsMetadata();
    }

    /**
     * As OAI-PMH serves {@code r}: itself when the public sees it, its deleted header when the policy announces its
     * withdrawal, else nothing (it leaves no trace).
     */
    private Optional<Row> served(Row r) {
        if (publicSees(r.dataset())) {
            return Optional.of(r);
        }
        return access.announcesDeletion(r.dataset()) ? Optional.of(new Row(r.dataset(), r.datestamp(), true)) : Optional.empty();
    }

    /**
     * The record with this pid as OAI-PMH serves it (public, or announced as deleted); an embargoed, silently withdrawn
     * or unknown pid is alike empty.
     */
    public Optional<Row> find(String pid) {
        if (!InputText.possibleIdentifier(pid)) {
            return Optional.empty();
        }
        TypedQuery<Object[]> q = em.createQuery("select d, " + STAMP + " from Dataset d where d.pid = :pid and " + SERVED, Object[].class)
                .setParameter("pid", pid);
        bindServed(q);
        return q.getResultList().stream().map(PublicRecords::row).map(this::served).flatMap(Optional::stream).findFirst();
    }

    private void bindServed(TypedQuery<?> q) {
        q.setParameter("released", released).setParameter("deleted", deleted);
    }

    /**
     * Up to {@code limit} records of the window in datestamp order, after the keyset position when given. Records the
     * policy hides are dropped from the page (see the class comment); the returned {@code scanned} row tells where
     * the next page starts.
     */
    public Page page(ListWindow window, Optional<ResumptionToken> after, int limit) {
        Selection s = selection(window);
        if (s.nothing) {
            return new Page(List.of(), 0, Optional.empty(), false);
        }
        String keyset = after.isPresent() ? " and (" + STAMP + " > :afterStamp or (" + STAMP + " = :afterStamp and d.pid > :afterPid))" : "";
        TypedQuery<Object[]> q = em.createQuery("select d, " + STAMP + " from Dataset d left join fetch d.instrument where "
                + s.where + keyset + " order by " + STAMP + ", d.pid", Object[].class);
        s.bind(q);
        after.ifPresent(t -> q.setParameter("afterStamp", t.afterStamp()).setParameter("afterPid", t.afterPid()));
        List<Row> scanned = q.setMaxResults(limit + 1).getResultList().stream().map(PublicRecords::row).toList();
        boolean more = scanned.size() > limit;
        List<Row> page = more ? scanned.subList(0, limit) : scanned;
        return new Page(page.stream().map(this::served).flatMap(Optional::stream).toList(), page.size(),
                page.isEmpty() ? Optional.empty() : Optional.of(page.getLast()), more);
    }

    /**
     * One page: the records to write, how many rows were read for it (what the cursor advances by), the last row
     * read (the next keyset position) and whether more follow.
     */
    public record Page(List<Row> records, int scanned, Optional<Row> last, boolean more) {}

    /** What the mapping of {@code rows}' records reads beyond their rows, read for all of them at once (DatasetExtras.forPage). */
    public DatasetExtras extrasFor(List<Row> rows) {
        return DatasetExtras.forPage(em, rows.stream().filter(r -> !r.deleted()).map(Row::dataset).toList());
    }

    /** How many records the whole list has (OAI completeListSize). */
    public long count(ListWindow window) {
        Selection s = selection(window);
        if (s.nothing) {
            return 0;
        }
        TypedQuery<Long> q = em.createQuery("select count(d) from Dataset d where " + s.where, Long.class);
        s.bind(q);
        return q.getSingleResult();
    }

    /** How many records the public may find: the size of the sitemap ({@code sitemap/}). */
    public long countAll() {
        return em.createQuery("select count(d) from Dataset d where " + PUBLIC, Long.class)
                .setParameter("released", released).getSingleResult();
    }

    /**
     * The public records in id order from the {@code offset}-th, at most {@code limit}: one page of the sitemap. Ids
     * only grow, so a record keeps its page while later ones are added; one the policy hides is dropped.
     */
    public List<Row> inIdOrder(int offset, int limit) {
        return em.createQuery("select d, " + STAMP + " from Dataset d where " + PUBLIC + " order by d.id", Object[].class)
                .setParameter("released", released).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(PublicRecords::row).filter(r -> publicSees(r.dataset())).toList();
    }

    /** The earliest datestamp of any record OAI-PMH serves (deleted ones included), if there is one. */
    public Optional<Instant> earliestDatestamp() {
        TypedQuery<Instant> q = em.createQuery("select min(" + STAMP + ") from Dataset d where " + SERVED, Instant.class);
        bindServed(q);
        return Optional.ofNullable(q.getSingleResult());
    }

    /** Instruments that have at least one public record, so a set never reveals data that is not yet public. */
    public List<Instrument> instruments() {
        return em.createQuery("select distinct i from Dataset d join d.instrument i where " + PUBLIC, Instrument.class)
                .setParameter("released", released).getResultList().stream()
                .sorted(Comparator.comparing(InstrumentSets::specOf)).toList();
    }

    /**
     * The status that {@link #PUBLIC} binds to {@code :released}: the term the search filter puts into the index query
     * for a scope that names no proposals. Any other scope is refused: OAI-PMH serves the public scope only.
     */
    static EmbargoStatus openStatus(SearchScope scope) {
        return scope.publicStatus();
    }

    private Selection selection(ListWindow w) {
        StringBuilder where = new StringBuilder(SERVED);
        Map<String, Object> params = new HashMap<>();
        params.put("released", released);
        params.put("deleted", deleted);
        w.from().ifPresent(f -> {
            where.append(" and ").append(STAMP).append(" >= :from");
            params.put("from", f);
        });
        w.untilExclusive().ifPresent(u -> {
            where.append(" and ").append(STAMP).append(" < :until");
            params.put("until", u);
        });
        // openaire_data holds every record (all are datasets): no condition
        if (w.set().isPresent() && !w.set().get().equals(OpenAire.DATA_SET)) {
            String set = w.set().get();
            if (set.equals(InstrumentSets.ROOT)) {
                where.append(" and d.instrument is not null");
            } else {
                // only instruments with a record OAI-PMH serves: a set named after one known from embargoed records
                // alone ends here as an unknown one does, not one statement later (the page query)
                TypedQuery<Instrument> served = em.createQuery("select i from Instrument i where exists (select 1 from "
                        + "Dataset d where d.instrument = i and " + SERVED + ")", Instrument.class);
                bindServed(served);
                List<Long> ids = served.getResultList().stream()
                        .filter(i -> InstrumentSets.specOf(i).equals(set)).map(i -> i.id).toList();
                if (ids.isEmpty()) {
                    return Selection.NOTHING;
                }
                where.append(" and d.instrument.id in :instruments");
                params.put("instruments", ids);
            }
        }
        return new Selection(where.toString(), params, false);
    }

    private record Selection(String where, Map<String, Object> params, boolean nothing) {
        static final Selection NOTHING = new Selection("", Map.of(), true);

        void bind(TypedQuery<?> q) {
            params.forEach(q::setParameter);
        }
    }

    private static Row row(Object[] r) {
        return new Row((Dataset) r[0], (Instant) r[1], false);
    }
}
