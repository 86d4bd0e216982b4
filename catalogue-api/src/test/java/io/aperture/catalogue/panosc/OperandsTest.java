package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.search.InvalidSearchException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperandsTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void datesBeyondTheStoredYearsBecomeTheRangesEndsSoEveryComparisonAnswersAsBefore() {
        assertThat(Operands.date(JSON.textNode("+300000-01-01T00:00:00Z"), "at")).contains(InstantRange.LATEST);
        assertThat(Operands.date(JSON.numberNode(Long.MAX_VALUE), "at")).contains(InstantRange.LATEST);
        assertThat(Operands.date(JSON.textNode("+10000-01-01"), "at")).contains(InstantRange.LATEST);
        // below: before every stored date, the range's first instant included
        assertThat(Operands.date(JSON.textNode("-300000-01-01"), "at")).hasValueSatisfying(i -> assertThat(i).isBefore(InstantRange.EARLIEST));
        assertThat(Operands.date(JSON.numberNode(Long.MIN_VALUE), "at")).hasValueSatisfying(i -> assertThat(i).isBefore(InstantRange.EARLIEST));
        // within: unchanged, every form
        assertThat(Operands.date(JSON.textNode("2020-05-05T15:01:02.341Z"), "at")).contains(Instant.parse("2020-05-05T15:01:02.341Z"));
        assertThat(Operands.date(JSON.textNode("2020-05-05"), "at")).contains(Instant.parse("2020-05-05T00:00:00Z"));
        assertThat(Operands.date(JSON.numberNode(0L), "at")).contains(Instant.EPOCH);
        assertThat(Operands.date(JSON.textNode("9999-12-31T23:59:59.999Z"), "at")).contains(Instant.parse("9999-12-31T23:59:59.999Z"));
        assertThatThrownBy(() -> Operands.date(JSON.textNode("soon"), "filter.where.creationDate"))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("filter.where.creationDate");
    }
}
