package io.aperture.catalogue.quality;

import java.util.List;
import java.util.Map;

/**
 * The staff quality report: for each group of datasets (a beamline, an application definition, a year), how many
 * conform, the FAIR score distribution and the most frequent findings with example files; and the trend by month.
 *
 * @param by      the grouping ({@link Grouping#key()})
 * @param filters the selection the report covers (grouping name → value)
 */
public record QualityReport(String by, Map<String, String> filters, List<Group> groups, List<FrequentFinding> findings,
                            List<Month> trend) {

    /**
     * One group. {@code checked}: datasets whose file the harvester checked; {@code conforming}: checked with no error
     * finding; {@code conformingShare} = conforming / checked (null when none was checked). {@code fairBands}: how many
     * datasets score 0-19, 20-39, 40-59, 60-79, 80-100.
     */
    public record Group(String key, long datasets, long checked, long conforming, Double conformingShare,
                        Double fairMean, List<Long> fairBands) {
    }

    /** A finding (level and rule) frequent in a group: findings counted, datasets with it, a few example files. */
    public record FrequentFinding(String group, String level, String rule, long count, long datasets,
                                  List<String> examples) {
    }

    /** One calendar month (UTC) of production within the selection. */
    public record Month(String month, long datasets, long checked, long conforming, Double fairMean) {
    }

    /** The lower bounds of the FAIR score bands, in order. */
    public static final List<Integer> FAIR_BANDS = List.of(0, 20, 40, 60, 80);
}
