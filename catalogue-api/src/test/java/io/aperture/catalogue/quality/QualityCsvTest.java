package io.aperture.catalogue.quality;

import io.aperture.catalogue.input.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's CSV parts and the checks on its query, without a database. */
class QualityCsvTest {
    static final QualityReport REPORT = new QualityReport("beamline", Map.of(),
            List.of(new QualityReport.Group("=HYPERLINK(\"x\")", 4, 3, 1, 1.0 / 3, 55.0, List.of(0L, 1L, 2L, 1L, 0L)),
                    new QualityReport.Group("", 1, 0, 0, null, 40.0, List.of(0L, 0L, 1L, 0L, 0L))),
            List.of(new QualityReport.FrequentFinding("i03", "error", "required", 2, 1, List.of("/a.nxs", "/b.nxs"))),
            List.of(new QualityReport.Month("2015-06", 2, 2, 1, 50.0)));

    @Test
    void eachPartHasItsHeaderAndFormulasAreDefused() {
        List<String> groups = QualityCsv.write(REPORT, "groups").lines().toList();
        assertThat(groups.getFirst()).isEqualTo("group,datasets,checked,conforming,conforming_share,fair_mean,"
                + "fair_0_19,fair_20_39,fair_40_59,fair_60_79,fair_80_100");
        assertThat(groups.get(1)).startsWith("\"'=HYPERLINK(\"\"x\"\")\",4,3,1,0.3333").endsWith(",55.0,0,1,2,1,0");
        assertThat(groups.get(2)).isEqualTo(",1,0,0,,40.0,0,0,1,0,0");
        assertThat(QualityCsv.write(REPORT, "findings").lines().toList()).containsExactly(
                "group,level,rule,count,datasets,examples", "i03,error,required,2,1,\"/a.nxs /b.nxs\"");
        assertThat(QualityCsv.write(REPORT, "trend").lines().toList()).containsExactly(
                "month,datasets,checked,conforming,fair_mean", "2015-06,2,2,1,50.0");
    }

    @Test
    void aBadGroupingOrYearIsRefusedNamingIt() {
        assertThatThrownBy(() -> QualityQuery.of("colour", null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("by: must be one of beamline, instrument, definition, year");
        assertThatThrownBy(() -> QualityQuery.of(null, null, null, null, "15"))
                .isInstanceOf(InvalidInputException.class).hasMessage("year: must be a four-digit year");
        QualityQuery q = QualityQuery.of(null, "i03", null, "NXmx", "2015");
        assertThat(q.by()).isEqualTo(Grouping.BEAMLINE);
        assertThat(q.filters()).containsOnly(Map.entry(Grouping.BEAMLINE, "i03"), Map.entry(Grouping.DEFINITION, "NXmx"),
                Map.entry(Grouping.YEAR, "2015"));
    }
}
