package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetWhereTest {

    @Test
    void likePatternsBecomeUnanchoredWildcardsWithTheEnginesOwnWildcardsLiteral() {
        assertThat(DatasetWhere.unanchored("a%b_c")).isEqualTo("*a*b?c*");
        assertThat(DatasetWhere.unanchored("x*y?z\\")).isEqualTo("*x\\*y\\?z\\\\*");
    }

    @Test
    void javascriptPatternsMatchAnywhereUnlessAnchoredAndTheEnginesOperatorsArePlain() {
        assertThat(DatasetWhere.engineRegexp("^PaNOSC.*[13]$", "at")).isEqualTo("PaNOSC.*[13]");
        assertThat(DatasetWhere.engineRegexp("beam", "at")).isEqualTo(".*beam.*");
        assertThat(DatasetWhere.engineRegexp("a&b<c>#@~\"", "at")).isEqualTo(".*a\\&b\\<c\\>\\#\\@\\~\\\".*");
        assertThat(DatasetWhere.engineRegexp("\\$$", "at")).isEqualTo(".*\\$");
        assertThatThrownBy(() -> DatasetWhere.engineRegexp("(?i)x", "filter.where.title.regexp"))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("filter.where.title.regexp");
    }

    @Test
    void parameterConditionsUnderOrAndUnreadableValuesAreRefusedBeforeTheEngineIsAsked() {
        assertThatThrownBy(() -> DatasetWhere.check(FilterParser.where("{\"or\": [{\"parameters\": {\"name\": \"t\"}}]}"), List.of()))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("where.or[0].parameters");
        assertThatThrownBy(() -> DatasetWhere.check(FilterParser.where("{\"isPublic\": \"maybe\"}"), List.of()))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("where.isPublic");
        assertThatThrownBy(() -> DatasetWhere.check(FilterParser.where("{\"creationDate\": {\"inq\": [\"2020-01-01\", \"soon\"]}}"), List.of()))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("not a date");
        DatasetWhere.check(FilterParser.where("{\"and\": [{\"parameters\": {\"name\": \"t\"}}, {\"isPublic\": 1}]}"), List.of());
        assertThatThrownBy(() -> DatasetWhere.check(FilterParser.where("{\"title\": {\"regexp\": \"(?=a)\"}}"), List.of()))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("where.title.regexp");
        PanoscFilter nested = FilterParser.filter("{\"include\": [{\"relation\": \"techniques\", \"scope\": {\"include\": "
                + "[{\"relation\": \"x\", \"scope\": {\"where\": {\"a\": 1}}}]}}]}");
        assertThatThrownBy(() -> DatasetWhere.check(Condition.EVERYTHING, nested.include()))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("filter.include[0].scope.include");
    }
}
