package io.aperture.harvester.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class NexusTimeParserTest {

    private final NexusTimeParser london = new NexusTimeParser(ZoneId.of("Europe/London"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2014-07-09T15:22:44+01:00 | 2014-07-09T14:22:44Z",
            "2019-02-14T14:25:57 | 2019-02-14T14:25:57Z",
            "2005-05-27 05:44:13 | 2005-05-27T04:44:13Z",
            "2001-02-07T08:54:21-0600 | 2001-02-07T14:54:21Z",
            "2006-04-26 08:57:56+0100 | 2006-04-26T07:57:56Z",
            "2021-03-29T15:51:33.838489 | 2021-03-29T14:51:33.838489Z",
            "2016-11-27 21:30:42.848000 | 2016-11-27T21:30:42.848Z",
            "2022-03-07 14:34:04.418733 | 2022-03-07T14:34:04.418733Z",
            "2008-11-18T12-41-20.494 | 2008-11-18T12:41:20.494Z",
            "2024-01-02T03:04:05Z | 2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.123456789Z | 2024-01-02T03:04:05.123456789Z",
            "2009-02-20T10:05:48+01:00 | 2009-02-20T09:05:48Z",
            "Tue Mar 13 09:07:07 2007 | 2007-03-13T09:07:07Z",
            "Tue Jul  3 09:07:07 2007 | 2007-07-03T08:07:07Z",
            "2014-01-31T06:37:56+00:00 | 2014-01-31T06:37:56Z",
            "2020-06-01 | 2020-05-31T23:00:00Z"})
    void parsesSpellingsSeenInNexusFiles(String text, String expected) {
        assertThat(london.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{Date and time of file creation}", "Starting time of measurement", "SAMPLE-CHAR-DATA", "2020-13-45T99:00:00"})
    void placeholdersAreNotTimes(String text) {
        assertThat(london.parse(text)).isEmpty();
    }
}
