package io.aperture.harvester.nexus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template such as {@code /dls/{beamline}/data/{year}/{visit}/}: placeholders match one path segment.
 * Known placeholders: beamline, year, visit, proposal, scan. A visit like {@code cm22951-1} gives proposal {@code cm22951}.
 */
public final class VisitPathPattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern VISIT = Pattern.compile("([a-zA-Z]{2}\\d+)-(\\d+)");

    private final String template;
    private final Pattern regex;

    public VisitPathPattern(String template) {
        this.template = template;
        StringBuilder sb = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            sb.append(Pattern.quote(template.substring(last, m.start())));
            sb.append("(?<").append(m.group(1)).append(">[^/]+)");
            last = m.end();
        }
        sb.append(Pattern.quote(template.substring(last)));
        this.regex = Pattern.compile(sb.toString());
    }

    public String template() {
        return template;
    }

    /** Placeholder values found anywhere in the path (the template need not match from the root). */
    public Optional<Map<String, String>> match(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = regex.matcher(path.replace('\\', '/'));
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, String> out = new HashMap<>();
        for (Matcher p = PLACEHOLDER.matcher(template); p.find(); ) {
            out.put(p.group(1), m.group(p.group(1)));
        }
        if (out.containsKey("visit") && !out.containsKey("proposal")) {
            proposalOf(out.get("visit")).ifPresent(p -> out.put("proposal", p));
        }
        return Optional.of(out);
    }

    /** {@code cm22951-1} → {@code cm22951}; anything not shaped like a Diamond visit gives nothing. */
    public static Optional<String> proposalOf(String visit) {
        if (visit == null) {
            return Optional.empty();
        }
        Matcher m = VISIT.matcher(visit.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
