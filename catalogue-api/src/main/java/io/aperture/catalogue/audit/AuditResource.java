package io.aperture.catalogue.audit;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.input.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * Staff queries over the audit log — by proposal, actor, action and time range — as JSON or CSV, and the chain check.
 * Answers "what was released this month", "who accessed embargoed data of proposal X".
 */
@Path("/api/staff/audit")
@RolesAllowed("staff")
public class AuditResource {
    private static final int MAX_ROWS = 50_000;
    private final EntityManager em;
    private final AuditChain chain;

    AuditResource(EntityManager em, AuditChain chain) {
        this.em = em;
        this.chain = chain;
    }

    public record Row(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                      String proposal, String details, String hash) {}

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Transactional
    @Operation(summary = "Query the audit log (staff): proposal, actor, action, from, to, format=json|csv, "
            + "order=asc|desc (by id), offset, limit")
    public Response query(@QueryParam("proposal") String proposal, @QueryParam("actor") String actor,
                          @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("format") @DefaultValue("json") String format,
                          @QueryParam("limit") String limit,
                          @QueryParam("order") @DefaultValue("asc") String order,
                          @QueryParam("offset") String offset) {
        return query(proposal, actor, action, from, to, format, WholeNumber.of("limit", limit, 1, MAX_ROWS, 1000), order,
                WholeNumber.of("offset", offset, 0, MAX_ROWS, 0));
    }

    /** {@link #query} with its numbers read (the staff audit page pages through it). */
    public Response query(String proposal, String actor, String action, String from, String to, String format, int limit,
                          String order, int offset) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new BadRequestException("limit must be from 1 to " + MAX_ROWS);
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new BadRequestException("order must be asc or desc");
        }
        if (offset < 0 || offset > MAX_ROWS) {
            throw new BadRequestException("offset must be from 0 to " + MAX_ROWS);
        }
        InvalidInputException.requireText("proposal", proposal, InputText.MAX_IDENTIFIER);
        InvalidInputException.requireText("actor", actor, InputText.MAX_IDENTIFIER);
        InvalidInputException.requireText("action", action, InputText.MAX_IDENTIFIER);
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, subject_type, subject_id, proposal, details::text, hash "
                + "FROM audit_event WHERE true");
        List<Object> params = new ArrayList<>();
        if (proposal != null) {
            params.add(proposal);
            sql.append(" AND (proposal = ?").append(params.size()).append(" OR proposal LIKE '%-' || ?").append(params.size()).append(")");
        }
        if (actor != null) {
            params.add(actor);
            sql.append(" AND actor = ?").append(params.size());
        }
        if (action != null) {
            params.add(action);
            sql.append(" AND action = ?").append(params.size());
        }
        if (from != null) {
            params.add(OffsetDateTime.ofInstant(instant("from", from), ZoneOffset.UTC));
            sql.append(" AND occurred_at >= ?").append(params.size());
        }
        if (to != null) {
            params.add(OffsetDateTime.ofInstant(instant("to", to), ZoneOffset.UTC));
            sql.append(" AND occurred_at < ?").append(params.size());
        }
        // order, limit and offset are checked values above, never the caller's text
        sql.append(" ORDER BY id ").append(order).append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
        var q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked") List<Object[]> raw = q.getResultList();
        List<Row> rows = raw.stream().map(r -> new Row(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8])).toList();
        if ("csv".equals(format)) {
            return Response.ok(csv(rows), "text/csv").header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
        }
        if (!"json".equals(format)) {
            throw new BadRequestException("format must be json or csv");
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the hash chain of the whole audit log from its first row (staff)")
    public Map<String, Object> verify() {
        ChainCheck check = chain.verifyWholeChain();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", check.rowsChecked());
        out.put("throughRow", check.throughId());
        out.put("intact", check.intact());
        if (!check.intact()) {
            out.put("firstBrokenRow", check.firstBrokenRow());
        }
        return out;
    }

    private static Instant instant(String name, String v) {
        Instant parsed;
        try {
            parsed = v.length() == 10 ? Instant.parse(v + "T00:00:00Z") : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date (2026-01-31) or an ISO-8601 instant");
        }
        if (!InstantRange.contains(parsed)) {
            throw new InvalidInputException(name, "must be " + InstantRange.DESCRIPTION);
        }
        return parsed;
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(o.toString());
    }

    static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("id,occurred_at,actor,action,subject_type,subject_id,proposal,details,hash\n");
        for (Row r : rows) {
            sb.append(r.id()).append(',').append(r.at()).append(',').append(cell(r.actor())).append(',').append(cell(r.action()))
                    .append(',').append(cell(r.subjectType())).append(',').append(cell(r.subjectId())).append(',')
                    .append(cell(r.proposal())).append(',').append(cell(r.details())).append(',').append(r.hash()).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
