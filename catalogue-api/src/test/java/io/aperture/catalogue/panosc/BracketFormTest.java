package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BracketFormTest {

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return out;
    }

    @Test
    void bracketsSpellTheJsonTheyStandFor() {
        assertThat(BracketForm.json("filter", params("filter[where][title][like]", "alpha", "filter[limit]", "2",
                "other", "x"))).contains("{\"where\":{\"title\":{\"like\":\"alpha\"}},\"limit\":\"2\"}");
        // indexes and [] make arrays, in index order; a repeated key too
        assertThat(BracketForm.json("filter", params("filter[where][or][1][title]", "b", "filter[where][or][0][title]", "a",
                "filter[include][]", "files", "filter[include][]", "instrument", "filter[where][pid][inq]", "p1",
                "filter[where][pid][inq]", "p2"))).contains("{\"where\":{\"or\":[{\"title\":\"a\"},{\"title\":\"b\"}],"
                + "\"pid\":{\"inq\":[\"p1\",\"p2\"]}},\"include\":[\"files\",\"instrument\"]}");
        assertThat(BracketForm.json("where", params("where[size][gt]", "5"))).contains("{\"size\":{\"gt\":\"5\"}}");
        assertThat(BracketForm.json("filter", params("filter", "{}", "filterx[a]", "b", "filter[a]x", "c"))).isEmpty();
    }

    @Test
    void aKeyThatIsAValueAndAnObjectOrNestsTooDeepIsRefused() {
        assertThatThrownBy(() -> BracketForm.json("filter", params("filter[where]", "x", "filter[where][title]", "y")))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("both a value and an object");
        assertThatThrownBy(() -> BracketForm.json("filter", params("filter" + "[a]".repeat(21), "x")))
                .isInstanceOf(InvalidSearchException.class);
    }
}
