package io.aperture.catalogue.tokens;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpaqueIdsTest {
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    private final OpaqueIds ids = new OpaqueIds(SECRET);

    @Test
    void everyIdComesBackFromItsPublicFormAndTheSameIdAlwaysHasTheSameForm() {
        for (long id : new long[] {0, 1, 2, 41, 1_000_000, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            String text = ids.encode(id);
            assertThat(text).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(ids.decode(text)).hasValue(id);
            assertThat(new OpaqueIds(SECRET).encode(id)).as("another server with the secret").isEqualTo(text);
        }
    }

    @Test
    void consecutiveIdsShareNothingThatCouldBeCounted() {
        Set<String> forms = new HashSet<>();
        String previous = ids.encode(1000);
        int samePosition = 0;
        for (long id = 1001; id < 2000; id++) {
            String text = ids.encode(id);
            assertThat(forms.add(text)).isTrue();
            for (int i = 0; i < text.length(); i++) {
                samePosition += text.charAt(i) == previous.charAt(i) ? 1 : 0;
            }
            previous = text;
        }
        // 999 pairs × 22 characters: about one in 64 the same by chance (≈ 343); a counter's encoding keeps most
        assertThat(samePosition).isLessThan(600);
    }

    @Test
    void anythingElseStandsForNoRow() {
        String text = ids.encode(7);
        char[] edited = text.toCharArray();
        edited[3] = edited[3] == 'A' ? 'B' : 'A';
        assertThat(ids.decode(new String(edited))).isEqualTo(OptionalLong.empty());
        assertThat(ids.decode("7")).isEmpty();
        assertThat(ids.decode(null)).isEmpty();
        assertThat(ids.decode("!!!!!!!!!!!!!!!!!!!!!!")).as("not base64").isEmpty();
        assertThat(new OpaqueIds("another-secret-of-at-least-thirty-two-characters").decode(text)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new OpaqueIds("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aperture.tokens.secret");
    }
}
