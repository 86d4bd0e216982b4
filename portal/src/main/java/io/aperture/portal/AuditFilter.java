package io.aperture.portal;

import io.aperture.catalogue.audit.AuditResource;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The staff audit page's filters as given in its URL (blank for none), and the links that keep them. */
public class AuditFilter {
    @QueryParam("proposal")
    public String proposal;
    @QueryParam("actor")
    public String actor;
    @QueryParam("action")
    public String action;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;

    /** The API's query with these filters; it checks them and refuses bad ones by name. */
    Response query(AuditResource audit, String format, int limit, String order, int offset) {
        return audit.query(blank(proposal), blank(actor), blank(action), blank(from), blank(to), format, limit, order, offset);
    }

    private Map<String, String> given() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("proposal", proposal);
        m.put("actor", actor);
        m.put("action", action);
        m.put("from", from);
        m.put("to", to);
        m.values().removeIf(v -> v == null || v.isBlank());
        return m;
    }

    /** The filters as a query string (no leading {@code ?}), for the export links. */
    public String query() {
        StringBuilder sb = new StringBuilder();
        given().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    String link(String path, int page) {
        String q = query();
        return path + "?" + (q.isEmpty() ? "" : q + "&") + "page=" + page;
    }

    public String value(String name) {
        return given().getOrDefault(name, "");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
