package io.aperture.policy.embargo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbargoRulesTest {

    private final EmbargoRules rules = EmbargoRules.defaults();

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void defaultsAreThePolicyNumbers() {
        assertThat(rules.embargoPeriod()).isEqualTo(Period.ofYears(3));
        assertThat(rules.extensionStep()).isEqualTo(Period.ofMonths(12));
        assertThat(rules.extensionWindow()).isEqualTo(Period.ofMonths(3));
        assertThat(rules.facilityZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(rules.releaseLicence().spdxId()).isEqualTo("CC-BY-4.0");
        assertThat(rules.releaseLicence().url()).isEqualTo(URI.create("https://creativecommons.org/licenses/by/4.0/"));
        assertThat(rules.autoApproveExtensions()).isFalse();
        assertThat(rules.withAutoApproveExtensions(true).autoApproveExtensions()).isTrue();
    }

    @Test
    void rejectsNonPositivePeriods() {
        assertThatThrownBy(() -> new EmbargoRules(Period.ZERO, Period.ofMonths(12), Period.ofMonths(3),
                ZoneId.of("UTC"), ReleaseLicence.CC_BY_4_0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbargoRules(Period.ofYears(3), Period.ofMonths(-12), Period.ofMonths(3),
                ZoneId.of("UTC"), ReleaseLicence.CC_BY_4_0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseLicence(" ", URI.create("https://example.org")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class EmbargoEnd {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                // winter (GMT) and summer (BST) production keep their wall-clock time
                "2024-01-15T09:00:00Z, 2027-01-15T09:00:00Z",
                "2024-06-10T14:23:05Z, 2027-06-10T14:23:05Z",
                // the local date counts: 23:30Z on 30 June is 00:30 BST on 1 July
                "2023-06-30T23:30:00Z, 2026-06-30T23:30:00Z",
                // 29 February + 3 years = 28 February (plusYears clamps to the month's last day)
                "2024-02-29T10:00:00Z, 2027-02-28T10:00:00Z",
                "2024-02-29T23:59:59Z, 2027-02-28T23:59:59Z",
                "2028-02-29T00:00:00Z, 2031-02-28T00:00:00Z",
                // 28 February stays 28 February, even when the target year is a leap year
                "2025-02-28T08:00:00Z, 2028-02-28T08:00:00Z",
                // 01:30 BST on 29 March 2023; 01:30 does not exist on 29 March 2026 (clocks go 01:00 -> 02:00),
                // so the end moves forward by the gap to 02:30 BST
                "2023-03-29T00:30:00Z, 2026-03-29T01:30:00Z",
                // 01:30 BST on 25 Oct 2023; 01:30 happens twice on 25 Oct 2026, the BST one is kept
                "2023-10-25T00:30:00Z, 2026-10-25T00:30:00Z",
                // 01:30 GMT on the 2023 fall-back day (second occurrence) -> plain GMT date three years on
                "2023-10-29T01:30:00Z, 2026-10-29T01:30:00Z",
                // one second before the spring-forward: 00:59:59 GMT
                "2023-03-26T00:59:59Z, 2026-03-26T00:59:59Z"
        })
        void isProductionPlusThreeYearsInLondon(String produced, String expectedEnd) {
            assertThat(rules.embargoEnd(at(produced))).isEqualTo(at(expectedEnd));
        }

        @Test
        void calendarArithmeticHappensInTheFacilityZoneNotUtc() {
            EmbargoRules berlin = new EmbargoRules(Period.ofYears(3), Period.ofMonths(12), Period.ofMonths(3),
                    ZoneId.of("Europe/Berlin"), ReleaseLicence.CC_BY_4_0, false);
            // 23:30Z on 28 Feb 2024 is 00:30 on 29 Feb in Berlin: the 29 Feb rule applies there, not in UTC
            Instant produced = at("2024-02-28T23:30:00Z");
            assertThat(berlin.embargoEnd(produced)).isEqualTo(at("2027-02-27T23:30:00Z"));
            assertThat(rules.embargoEnd(produced)).isEqualTo(at("2027-02-28T23:30:00Z"));
        }
    }

    @Nested
    class Extension {

        @Test
        void movesTheCurrentEndByTwelveMonths() {
            assertThat(rules.extendedEnd(at("2027-06-10T14:23:05Z"))).isEqualTo(at("2028-06-10T14:23:05Z"));
        }

        @Test
        void anEndOn29FebruaryMovesTo28February() {
            assertThat(rules.extendedEnd(at("2028-02-29T10:00:00Z"))).isEqualTo(at("2029-02-28T10:00:00Z"));
        }

        @Test
        void aClampedEndIsNotRestoredByLaterExtensions() {
            // each step is measured from the current end, so 28 Feb stays 28 Feb in a leap year
            assertThat(rules.extendedEnd(at("2027-02-28T10:00:00Z"))).isEqualTo(at("2028-02-28T10:00:00Z"));
        }
    }

    @Nested
    class ExtensionWindow {

        @Test
        void opensThreeMonthsBeforeTheEndSameWallClockTime() {
            assertThat(rules.extensionWindowOpens(at("2027-01-15T09:00:00Z"))).isEqualTo(at("2026-10-15T08:00:00Z"));
            // 12:00 BST end -> window opens at 12:00 GMT three months earlier
            assertThat(rules.extensionWindowOpens(at("2027-06-15T11:00:00Z"))).isEqualTo(at("2027-03-15T12:00:00Z"));
        }

        @Test
        void clampsToTheLastDayOfAShorterMonth() {
            // 31 May - 3 months = 28 Feb (2027) / 29 Feb (2028)
            assertThat(rules.extensionWindowOpens(at("2027-05-31T09:00:00Z"))).isEqualTo(at("2027-02-28T10:00:00Z"));
            assertThat(rules.extensionWindowOpens(at("2028-05-31T09:00:00Z"))).isEqualTo(at("2028-02-29T10:00:00Z"));
        }

        @Test
        void aWindowOpeningInTheAutumnOverlapKeepsTheOffsetOfTheEnd() {
            // end 01:30 GMT on 25 Jan 2027; 01:30 on 25 Oct 2026 occurs twice, the GMT one is kept
            assertThat(rules.extensionWindowOpens(at("2027-01-25T01:30:00Z"))).isEqualTo(at("2026-10-25T01:30:00Z"));
        }
    }
}
