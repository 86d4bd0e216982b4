package io.aperture.catalogue.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrcidTest {

    @Test
    void validIdsAndTheirUrlsAreAccepted() {
        assertThat(Orcid.normalise("0000-0002-1825-0097")).isEqualTo("0000-0002-1825-0097");
        assertThat(Orcid.normalise(" https://orcid.org/0000-0001-5109-3700 ")).isEqualTo("0000-0001-5109-3700");
        assertThat(Orcid.normalise("orcid.org/0000-0002-1694-233X")).isEqualTo("0000-0002-1694-233X"); // check digit X
    }

    @Test
    void aWrongCheckDigitOrFormatIsRefused() {
        assertThatThrownBy(() -> Orcid.normalise("0000-0002-1825-0098")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> Orcid.normalise("0000-0002-1694-2330")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> Orcid.normalise("0000-0002-1825-009")).hasMessageContaining("not an ORCID iD");
        assertThatThrownBy(() -> Orcid.normalise("0000000218250097")).hasMessageContaining("not an ORCID iD");
    }
}
