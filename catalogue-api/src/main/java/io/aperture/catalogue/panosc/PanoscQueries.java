package io.aperture.catalogue.panosc;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.SqlStates;
import io.aperture.catalogue.facility.FacilityConfig;
import io.aperture.catalogue.search.RankedSearch;
import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.catalogue.tokens.OpaqueIds;
import io.aperture.policy.doi.DoiState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import org.hibernate.jpa.SpecHints;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs PaNOSC filters against the database: lists, counts and single objects of an {@link EntityModel}, and the related
 * objects an {@code include} attaches. Every answer is built from the model's field expressions, selected in the query
 * (no entity is loaded, nothing is filtered in memory), and every row passes the model's {@code visible} condition
 * bound to the stored status the policy's public scope lets through ({@link AccessControl#publicScope()}).
 */
@RequestScoped
public class PanoscQueries {
    /** Related objects attached per parent when the scope names no limit, and at most. */
    static final int INCLUDE_DEFAULT = 100;
    static final int INCLUDE_MAX = 1000;
    /** Parents one attach query reads the relation of (pages are at most 1000; nested includes may reach more). */
    static final int PARENTS_PER_QUERY = 1000;
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** PostgreSQL's SQLSTATE for a regular expression it cannot compile. */
    private static final String INVALID_REGEX = "2201B";

    private final EntityManager em;
    private final AccessControl access;
    private final FacilityConfig facility;
    private final OpaqueIds opaqueIds;
    private final int attachedMax;
    /** Per statement, in milliseconds (the driver cancels in whole seconds). */
    private final int timeoutMillis;
    /** Related objects attached so far for this request (the bean is request-scoped): bounded by {@code attachedMax}. */
    private long attached;

    PanoscQueries(EntityManager em, AccessControl access, FacilityConfig facility, OpaqueIds ids, PanoscConfig config) {
        this.em = em;
        this.access = access;
        this.facility = facility;
        this.opaqueIds = ids;
        this.attachedMax = config.attachedMax();
        this.timeoutMillis = (int) Math.max(1000, Math.min(Integer.MAX_VALUE, config.statementTimeout().toMillis()));
    }

    /** Every statement of the filter language is bounded in time ({@link PanoscConfig#statementTimeout()}). */
    private Query query(String jpql) {
        return em.createQuery(jpql).setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, timeoutMillis);
    }

    /** One row as answered: the model's properties by name, plus its id for attaching relations. */
    record Row(long id, Map<String, Object> json) {}

    /**
     * A page of {@code model} rows meeting the filter and {@code extra} (a condition over {@code r}, with its own
     * parameters), in the filter's order, then the default one.
     */
    List<Row> list(EntityModel model, PanoscFilter filter, String extra, Map<String, Object> extraParams, int skip, int limit) {
        JpqlWhere w = new JpqlWhere(opaqueIds);
        String where = where(model, filter, w, extra);
        Optional<String> relevance = relevance(model, filter, w);
        String order = relevance.isPresent() && filter.order().isEmpty()
                ? orderBy(model, List.of(), "r").replace(" order by ", " order by " + relevance.get() + " desc, ")
                : orderBy(model, filter.order(), "r");
        String jpql = select(model, "r") + relevance.map(e -> ", " + e).orElse("") + " from " + model.jpqlEntity() + " r where "
                + where + order;
        Query q = query(jpql);
        bind(q, w.params(), extraParams);
        List<?> result = run(() -> q.setFirstResult(skip).setMaxResults(limit).getResultList());
        List<Row> rows = rows(model, result);
        if (relevance.isPresent()) {
            for (int i = 0; i < rows.size(); i++) {
                Object[] cols = (Object[]) result.get(i);
                Object rank = cols[cols.length - 1];
                rows.get(i).json().put("score", rank == null ? 0.0 : ((Number) rank).doubleValue());
            }
        }
        attach(rows, model, filter.include());
        return rows;
    }

    /**
     * With {@code query}, the relevance of a row as PostgreSQL's text search ranks it over the entity's text properties:
     * {@code ts_rank} with normalisation 32, i.e. {@code rank / (rank + 1)}, a fixed saturating function in [0, 1) that
     * gives a row the same score on every page (design/PANOSC.md §4.5). Empty without a query or text properties.
     */
    private static Optional<String> relevance(EntityModel model, PanoscFilter filter, JpqlWhere w) {
        if (filter.query().isBlank() || model.text().isEmpty()) {
            return Optional.empty();
        }
        String text = String.join(", ' ', ", model.text().stream().map(f -> "coalesce(" + model.fields().get(f).over("r") + ", '')").toList());
        String document = model.text().size() == 1 ? text : "concat(" + text + ")";
        return Optional.of("cast(function('ts_rank', function('to_tsvector', " + document + "), function('plainto_tsquery', "
                + w.param(filter.query()) + "), 32) as Double)");
    }

    /** How many rows {@link #list} would find without paging: the same condition. */
    long count(EntityModel model, PanoscFilter filter, String extra, Map<String, Object> extraParams) {
        JpqlWhere w = new JpqlWhere(opaqueIds);
        Query q = query("select count(r) from " + model.jpqlEntity() + " r where " + where(model, filter, w, extra));
        bind(q, w.params(), extraParams);
        return (Long) run(q::getSingleResult);
    }

    /**
     * The distinct values of {@code key} (an expression over {@code r}) of the servable {@code model} rows that meet the
     * filter's where and restricting includes, at most {@code max} of them.
     */
    List<?> keys(EntityModel model, String key, PanoscFilter filter, int max) {
        return keys(model, "", key, "", filter, max);
    }

    /** As {@link #keys(EntityModel, String, PanoscFilter, int)}, over {@code r} with {@code join}, and {@code extra} holding. */
    List<?> keys(EntityModel model, String join, String key, String extra, PanoscFilter filter, int max) {
        JpqlWhere w = new JpqlWhere(opaqueIds);
        Query q = query("select distinct " + key + " from " + model.jpqlEntity() + " r" + join + " where "
                + where(model, filter, w, extra));
        bind(q, w.params(), Map.of());
        return run(() -> q.setMaxResults(max).getResultList());
    }

    /** The rows of {@code model} with these ids, in that order, with the includes attached. */
    List<Row> byIds(EntityModel model, List<Long> ids, PanoscFilter filter) {
        return List.copyOf(byKeys(model, "r.id", ids, filter).values());
    }

    /**
     * The rows of {@code model} with these stored pids (the search engine's hits), keyed by them in that order, with the
     * includes attached; the stored pid is the key because the answered {@code pid} may be the DOI.
     */
    Map<String, Row> byPids(EntityModel model, List<String> pids, PanoscFilter filter) {
        Map<String, Row> out = new LinkedHashMap<>();
        byKeys(model, "r.pid", pids, filter).forEach((k, r) -> out.put((String) k, r));
        return out;
    }

    /**
     * The Dataset rows of the search engine's hits as the index holds them (issue #12): the list's own properties need no
     * statement, and neither do the includes the hits embed ({@link IndexedIncludes}: techniques, and the instrument
     * unless a hit was indexed before its pid was mapped); the other includes are attached from the database, by the
     * hits' ids, in the includes' order. The hits are public already (the engine searched with the public scope); each
     * value is formatted as {@link #row} formats the database's.
     */
    List<Row> fromIndex(IndexedPage page, PanoscFilter filter) {
        List<Row> rows = new ArrayList<>();
        for (RankedSearch.Ranked h : page.hits()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("pid", h.panoscPid());
            json.put("title", h.title());
            json.put("creationDate", value(h.producedAt(), EntityModel.Kind.DATE));
            json.put("size", h.sizeBytes() == null ? null : value(h.sizeBytes().doubleValue(), EntityModel.Kind.NUMBER));
            json.put("isPublic", true);
            if (!json.keySet().equals(Entities.DATASET.fields().keySet())) {
                throw new IllegalStateException("the index answers " + json.keySet() + ", the model has "
                        + Entities.DATASET.fields().keySet());
            }
            rows.add(new Row(h.id(), json));
        }
        Entities.checkRelations(Entities.DATASET, filter.include());
        List<PanoscFilter.Include> includes = filter.include();
        List<Map<String, Object>> objects = rows.stream().map(Row::json).toList();
        for (int i = 0; i < includes.size(); i++) {
            Optional<IndexedIncludes.Answer> indexed = page.answered().get(i);
            if (indexed.isPresent()) {
                indexed.get().attach(objects, page.embedded());
            } else {
                attach(rows, Entities.DATASET, List.of(includes.get(i)));
            }
        }
        return rows;
    }

    /** The rows whose {@code key} (selected after the model's fields) is one of {@code keys}, keyed in that order. */
    private Map<Object, Row> byKeys(EntityModel model, String key, List<?> keys, PanoscFilter filter) {
        if (keys.isEmpty()) {
            Entities.checkRelations(model, filter.include());
            return Map.of();
        }
        Query q = query(select(model, "r") + ", " + key + " from " + model.jpqlEntity() + " r where " + key
                + " in (:keys) and " + model.visibleOver("r"));
        bind(q, Map.of(), Map.of("keys", keys));
        Map<Object, Row> found = new HashMap<>();
        for (Object o : run(q::getResultList)) {
            Object[] cols = (Object[]) o;
            found.put(cols[cols.length - 1], row(model, cols));
        }
        Map<Object, Row> rows = new LinkedHashMap<>();
        keys.stream().filter(found::containsKey).forEach(k -> rows.put(k, found.get(k)));
        attach(List.copyOf(rows.values()), model, filter.include());
        return rows;
    }

    private String where(EntityModel model, PanoscFilter filter, JpqlWhere w, String extra) {
        return model.visibleOver("r") + " and (" + w.condition(filter.where(), model, "r") + ") and ("
                + w.restrictions(filter.include(), model, "r") + ")" + (extra.isEmpty() ? "" : " and (" + extra + ")");
    }

    /**
     * Attaches each include's related rows to the parents: a to-many relation as an array (possibly empty), a to-one
     * as an object or not at all; the scope's where, order, skip, limit, fields and nested includes apply per parent.
     */
    private void attach(List<Row> parents, EntityModel model, List<PanoscFilter.Include> includes) {
        Entities.checkRelations(model, includes); // an unknown relation is a 400 with or without results
        if (parents.isEmpty()) {
            return;
        }
        List<Long> ids = parents.stream().map(Row::id).distinct().toList();
        for (PanoscFilter.Include include : includes) {
            EntityModel.Relation relation = Entities.relation(model, include);
            EntityModel target = Entities.named(relation.target());
            PanoscFilter scope = include.scope();
            JpqlWhere w = new JpqlWhere(opaqueIds);
            long skip = scope.skip();
            long limit = Math.min(scope.limit().orElse((long) INCLUDE_DEFAULT), INCLUDE_MAX);
            // one query per relation for the whole page; the scope's skip and limit apply per parent (a window over each
            // parent's rows in the scope's order): an instrument may have a million datasets, a page attaches at most `limit`.
            // The parents are one array parameter (= any(?)), not an IN list of one parameter each, so the statement's
            // text is the same for every page size and the driver prepares it once per connection, not once per size.
            // Written through HQL's sql(): HQL's own any() is the bool_or aggregate, and sql() is untyped, hence the cast.
            StringBuilder inner = new StringBuilder("select p.id as parent_, t.id as id_");
            int c = 0;
            for (EntityModel.Field f : target.fields().values()) {
                inner.append(", ").append(f.over("t")).append(" as c").append(c++).append('_');
            }
            inner.append(", row_number() over (partition by p.id").append(orderBy(target, scope.order(), "t")).append(") as rn_")
                    .append(" from ").append(model.jpqlEntity()).append(" p, ").append(target.jpqlEntity())
                    .append(" t where cast(sql('(? = any(?))', p.id, :parents) as Boolean) = true and ").append(relation.join("t", "p")).append(" and ")
                    // the parent too: a page's rows may come from the index, which follows a withdrawal only once the
                    // outbox has indexed it; the database knows at once, and attaches nothing to a parent it hides
                    .append(model.visibleOver("p")).append(" and ")
                    .append(target.visibleOver("t")).append(" and (").append(w.condition(scope.where(), target, "t"))
                    .append(") and (").append(w.restrictions(scope.include(), target, "t")).append(")");
            StringBuilder outer = new StringBuilder("select x.parent_, x.id_");
            for (int i = 0; i < c; i++) {
                outer.append(", x.c").append(i).append('_');
            }
            outer.append(" from (").append(inner).append(") x where x.rn_ > :skip_ and x.rn_ <= :end_ order by x.parent_, x.rn_");
            Map<Long, List<Row>> byParent = new LinkedHashMap<>();
            ids.forEach(id -> byParent.put(id, new ArrayList<>()));
            // nested includes can reach many parents: at most PARENTS_PER_QUERY a statement keeps each one's window bounded
            for (int from = 0; from < ids.size(); from += PARENTS_PER_QUERY) {
                Query q = query(outer.toString());
                bind(q, w.params(), Map.of("parents", ids.subList(from, Math.min(ids.size(), from + PARENTS_PER_QUERY))
                        .toArray(Long[]::new), "skip_", skip, "end_", skip + limit));
                // one row past what is left: enough to know the bound is passed, never the whole of an absurd scope
                q.setMaxResults((int) Math.min(Integer.MAX_VALUE, attachedMax - attached + 1));
                List<?> related = run(q::getResultList);
                attached += related.size();
                if (attached > attachedMax) {
                    throw new InvalidSearchException(include.at(), "would attach more than " + attachedMax
                            + " related objects to one answer: ask for fewer (a smaller limit here, in an enclosing scope or on the page)");
                }
                for (Object o : related) {
                    Object[] cols = (Object[]) o;
                    byParent.get(((Number) cols[0]).longValue()).add(row(target, Arrays.copyOfRange(cols, 1, cols.length)));
                }
            }
            List<Row> attached = new ArrayList<>();
            byParent.values().forEach(attached::addAll);
            attach(attached, target, scope.include());
            for (Row parent : parents) {
                List<Map<String, Object>> json = byParent.get(parent.id()).stream().map(r -> project(r.json(), scope.fields())).toList();
                if (!relation.toOne()) {
                    parent.json().put(include.relation(), json);
                } else if (!json.isEmpty()) {
                    parent.json().put(include.relation(), json.getFirst());
                }
            }
        }
    }

    /** {@code fields}: the properties kept; the score is always kept, as in the reference. */
    static Map<String, Object> project(Map<String, Object> json, PanoscFilter.Projection fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (k.equals("score") || fields.keeps(k) || !(v == null || isProperty(v))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Attached relations are objects or arrays; properties are values (keywords: an array of strings). */
    private static boolean isProperty(Object v) {
        return !(v instanceof Map) && !(v instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof Map);
    }

    private static String select(EntityModel model, String alias) {
        StringBuilder s = new StringBuilder("select ").append(alias).append(".id");
        model.fields().values().forEach(f -> s.append(", ").append(f.over(alias)));
        return s.toString();
    }

    private static String orderBy(EntityModel model, List<PanoscFilter.Order> order, String alias) {
        List<String> keys = new ArrayList<>();
        for (PanoscFilter.Order o : order) {
            EntityModel.Field f = model.fields().get(o.field());
            // the reference sorts by an unknown property without complaint; so do we (it changes nothing)
            if (f != null && f.sortable()) {
                keys.add(f.over(alias) + (o.descending() ? " desc nulls last" : " asc nulls first"));
            }
        }
        EntityModel.Field pid = model.fields().get("pid");
        if (pid != null && pid.sortable()) {
            keys.add(pid.over(alias));
        }
        keys.add(alias + ".id");
        return " order by " + String.join(", ", keys);
    }

    private void bind(Query q, Map<String, Object> params, Map<String, Object> extra) {
        params.forEach(q::setParameter);
        extra.forEach(q::setParameter);
        if (q.getParameters().stream().anyMatch(p -> Entities.OPEN.equals(p.getName()))) {
            q.setParameter(Entities.OPEN, access.publicScope().publicStatus());
        }
        if (q.getParameters().stream().anyMatch(p -> Entities.RESOLVING.equals(p.getName()))) {
            q.setParameter(Entities.RESOLVING, DoiState.resolving());
        }
        if (q.getParameters().stream().anyMatch(p -> Entities.CONFIGURED.equals(p.getName()))) {
            // "in ()" is not SQL: without configured instruments, a name no instrument has (control characters are refused)
            q.setParameter(Entities.CONFIGURED, facility.instruments().filter(l -> !l.isEmpty()).orElse(List.of("\u0001")));
        }
    }

    private List<Row> rows(EntityModel model, List<?> result) {
        List<Row> out = new ArrayList<>();
        for (Object o : result) {
            out.add(row(model, (Object[]) o));
        }
        return out;
    }

    private Row row(EntityModel model, Object[] cols) {
        Map<String, Object> json = new LinkedHashMap<>();
        int i = 1;
        for (Map.Entry<String, EntityModel.Field> f : model.fields().entrySet()) {
            Object v = cols[i++];
            json.put(f.getKey(), f.getValue().kind() == EntityModel.Kind.ID ? opaqueIds.encode(((Number) v).longValue())
                    : value(v, f.getValue().kind()));
        }
        return new Row(((Number) cols[0]).longValue(), json);
    }

    /** A stored value as the PaNOSC answer writes it: dates as ISO-8601 UTC with milliseconds, whole numbers as integers (design/PANOSC.md §1). */
    static Object value(Object v, EntityModel.Kind kind) {
        if (v instanceof Instant t) {
            return ISO_MILLIS.format(t);
        }
        if (kind == EntityModel.Kind.NUMBER && v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        if (kind == EntityModel.Kind.ALWAYS_TRUE) {
            return true;
        }
        return v;
    }

    /**
     * Runs a query; a regular expression PostgreSQL cannot compile (its dialect differs from Java's, which checked it
     * first) is the caller's error, a 400.
     */
    private static <T> T run(Supplier<T> query) {
        try {
            return query.get();
        } catch (PersistenceException e) {
            if (SqlStates.inChain(e, INVALID_REGEX::equals)) {
                throw new InvalidSearchException("filter.where", "holds a regular expression the database cannot read");
            }
            throw e;
        }
    }

    /** The id of the row of {@code model} a pid (or DOI, where the model has one) names, if the public may see it. */
    Optional<Long> idOf(EntityModel model, String lookup, String pid) {
        Query q = query("select r.id from " + model.jpqlEntity() + " r where (" + lookup.replace("{a}", "r")
                + ") and " + model.visibleOver("r"));
        bind(q, Map.of(), Map.of("pid", pid));
        return q.setMaxResults(1).getResultList().stream().findFirst().map(o -> ((Number) o).longValue());
    }
}
