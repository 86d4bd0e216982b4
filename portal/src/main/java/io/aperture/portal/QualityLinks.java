package io.aperture.portal;

import io.aperture.catalogue.quality.QualityReport;
import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Links and numbers of the quality page: the report narrowed to a group, the search behind a finding, shares. */
final class QualityLinks {
    private QualityLinks() {
    }

    /** The report's filters as a query string ({@code &beamline=...}), to carry into exports and narrower views. */
    static String filters(QualityReport report) {
        return report.filters().entrySet().stream()
                .map(e -> "&" + enc(e.getKey()) + "=" + enc(e.getValue())).sorted().collect(Collectors.joining());
    }

    /** {@code {report.narrowTo(group)}}: the report filtered to one group, grouped by definition then. */
    @TemplateExtension
    static String narrowTo(QualityReport report, String group) {
        String next = "definition".equals(report.by()) ? "year" : "definition";
        return "/quality?by=" + next + filters(report) + "&" + enc(report.by()) + "=" + enc(group);
    }

    /**
     * {@code {report.searchFor(finding)}}: the search page with the staff findings facet selected, within the group
     * when it is a facet of search too (beamline and instrument are the instrument facet, definition and year theirs).
     */
    @TemplateExtension
    static String searchFor(QualityReport report, QualityReport.FrequentFinding finding) {
        String facet = switch (report.by()) {
            case "beamline", "instrument" -> "instrument";
            default -> report.by();
        };
        return "/?finding=" + enc(finding.rule()) + (finding.group().isEmpty() ? "" : "&" + facet + "=" + enc(finding.group()));
    }

    /** {@code {g.conformingShare.percent}}: a share as a whole per cent ("33 %"). */
    @TemplateExtension
    static String percent(Double share) {
        return Math.round(share * 100) + " %";
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
