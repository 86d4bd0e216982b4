package io.aperture.catalogue.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality report as CSV, one part at a time (groups, findings, trend), with a header row. Quoting is Jackson's
 * (RFC 4180); a cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
final class QualityCsv {
    private static final CsvMapper CSV = new CsvMapper();

    private QualityCsv() {
    }

    /** The parts a report has; {@code part} names one. */
    static final List<String> PARTS = List.of("groups", "findings", "trend");

    static String write(QualityReport report, String part) {
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (part) {
            case "groups" -> report.groups().forEach(g -> {
                Map<String, Object> row = row("group", g.key());
                row.put("datasets", g.datasets());
                row.put("checked", g.checked());
                row.put("conforming", g.conforming());
                row.put("conforming_share", g.conformingShare());
                row.put("fair_mean", g.fairMean());
                List<String> bands = bandColumns();
                for (int b = 0; b < bands.size(); b++) {
                    row.put(bands.get(b), g.fairBands().get(b));
                }
                rows.add(row);
            });
            case "findings" -> report.findings().forEach(f -> {
                Map<String, Object> row = row("group", f.group());
                row.put("level", f.level());
                row.put("rule", f.rule());
                row.put("count", f.count());
                row.put("datasets", f.datasets());
                row.put("examples", safe(String.join(" ", f.examples())));
                rows.add(row);
            });
            case "trend" -> report.trend().forEach(m -> {
                Map<String, Object> row = row("month", m.month());
                row.put("datasets", m.datasets());
                row.put("checked", m.checked());
                row.put("conforming", m.conforming());
                row.put("fair_mean", m.fairMean());
                rows.add(row);
            });
            default -> throw new IllegalArgumentException("no part " + part);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header(part).forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(String part) {
        return switch (part) {
            case "groups" -> {
                List<String> h = new ArrayList<>(List.of("group", "datasets", "checked", "conforming", "conforming_share",
                        "fair_mean"));
                h.addAll(bandColumns());
                yield h;
            }
            case "findings" -> List.of("group", "level", "rule", "count", "datasets", "examples");
            default -> List.of("month", "datasets", "checked", "conforming", "fair_mean");
        };
    }

    /** fair_0_19, fair_20_39, ..., fair_80_100: the datasets per FAIR score band. */
    private static List<String> bandColumns() {
        List<Integer> lows = QualityReport.FAIR_BANDS;
        List<String> names = new ArrayList<>();
        for (int b = 0; b < lows.size(); b++) {
            names.add("fair_" + lows.get(b) + "_" + (b + 1 < lows.size() ? lows.get(b + 1) - 1 : 100));
        }
        return names;
    }

    private static Map<String, Object> row(String first, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(first, safe(value));
        return row;
    }

    private static String safe(String v) {
        return v != null && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }
}
