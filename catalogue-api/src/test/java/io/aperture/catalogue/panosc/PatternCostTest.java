package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternCostTest {
    private static final String AT = "filter.where.title.regexp";

    @Test
    void countedRepetitionsAreBoundedOnceWrittenOut() {
        // twelve characters that exhausted the engine's heap; nested counts multiply
        for (String p : new String[] {"a{2147483647}", "a{100000000}", "a{1001}", "((a{100}){100})", "(ab{10}){200}",
                "x{5,99999}"}) {
            assertThatThrownBy(() -> JpqlWhere.regexpPattern(p, AT)).as(p).isInstanceOf(InvalidSearchException.class)
                    .hasMessageContaining("counted repetitions");
        }
        assertThatThrownBy(() -> JpqlWhere.regexpPattern("a{99999999999,}", AT)).isInstanceOf(InvalidSearchException.class);
        for (String p : new String[] {"^DLS-[0-9]{4}-[0-9]{6}$", "a{3,5}b", "(ab){10}", "[{]x{2}", "\\{99999\\}",
                "^.*sample.*$", "temp(erature)?_(min|max)"}) {
            assertThatCode(() -> JpqlWhere.regexpPattern(p, AT)).as(p).doesNotThrowAnyException();
        }
    }

    @Test
    void aQuantifierRightAfterAnotherIsRefused() {
        // lazy and possessive in Java, nested repetitions for the engine: 27 million states from 18 characters
        for (String p : new String[] {"a{300}+{300}+{300}", "a{300}?{300}?{300}", "a{2}{3}", "a*?", "a++", "(ab)+?"}) {
            assertThatThrownBy(() -> JpqlWhere.regexpPattern(p, AT)).as(p).isInstanceOf(InvalidSearchException.class)
                    .hasMessageContaining("quantifier right after another");
        }
        for (String p : new String[] {"a+b*c?", "(?:ab)+", "x{2}y{3}", "[+*?]{2}", "\\++"}) {
            assertThatCode(() -> JpqlWhere.regexpPattern(p, AT)).as(p).doesNotThrowAnyException();
        }
    }

    @Test
    void backReferencesAreRefused() {
        for (String p : new String[] {"(.*)(.*)(.*)(.*)\\4\\3\\2\\1$", "^(a*)\\1b$", "(?<x>a)\\k<x>"}) {
            assertThatThrownBy(() -> JpqlWhere.regexpPattern(p, AT)).as(p).isInstanceOf(InvalidSearchException.class)
                    .hasMessageContaining("back-references");
        }
        assertThatCode(() -> JpqlWhere.regexpPattern("[1-9]\\d+\\.\\w", AT)).doesNotThrowAnyException();
    }

    @Test
    void anEnginePatternItCannotRunIsA400NotItsFailure() {
        // too many states once determinized (the engine's own limit), and syntax Java reads but the engine does not
        assertThatThrownBy(() -> DatasetWhere.engineRegexp("a.{12}", AT)).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("too complex");
        for (String p : new String[] {"\\p{L}", "\\x{41}", "\\Qa(\\E"}) {
            assertThatThrownBy(() -> DatasetWhere.engineRegexp(p, AT)).as(p).isInstanceOf(InvalidSearchException.class)
                    .hasMessageContaining("cannot read");
        }
        assertThatThrownBy(() -> DatasetWhere.wildcard("%a____________________", "filter.where.title.like"))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("too complex");
        assertThatCode(() -> DatasetWhere.engineRegexp("^DLS-[0-9]{4}-.*$", AT)).doesNotThrowAnyException();
        assertThatCode(() -> DatasetWhere.wildcard("lyso%zyme_", "filter.where.title.like")).doesNotThrowAnyException();
    }
}
