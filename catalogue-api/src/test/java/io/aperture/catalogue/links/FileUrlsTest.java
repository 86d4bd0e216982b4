package io.aperture.catalogue.links;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileUrlsTest {
    @Test
    void eachSegmentIsPercentEncodedAndTheSlashesKept() {
        assertThat(FileUrls.encode("/dls/i03/data/2024/scan 1#a?b&c.nxs")).isEqualTo("/dls/i03/data/2024/scan%201%23a%3Fb%26c.nxs");
        assertThat(FileUrls.encode("relative/ü.nxs")).isEqualTo("/relative/%C3%BC.nxs");
    }
}
