package io.aperture.catalogue.input;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlEncodedFormTest {

    @Test
    void decodesPairsKeepingRepeatsAndEmptyValues() {
        UrlEncodedForm form = UrlEncodedForm.parse("reason=no+paper%21&verdict=REJECT&verdict=APPROVE&empty=&flag");
        assertThat(form.first("reason")).contains("no paper!");
        assertThat(form.parameters().get("verdict")).isEqualTo(List.of("REJECT", "APPROVE"));
        assertThat(form.first("empty")).contains("");
        assertThat(form.first("flag")).contains("");
        assertThat(form.first("missing")).isEmpty();
        assertThat(UrlEncodedForm.parse(null).parameters()).isEmpty();
    }

    @Test
    void malformedEncodingIsInvalidInputNamingTheForm() {
        assertThatThrownBy(() -> UrlEncodedForm.parse("justification=%zz")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("form").hasMessageContaining("not valid URL encoding");
        assertThatThrownBy(() -> UrlEncodedForm.parse("a=1&%zz=2")).isInstanceOf(InvalidInputException.class);
    }
}
