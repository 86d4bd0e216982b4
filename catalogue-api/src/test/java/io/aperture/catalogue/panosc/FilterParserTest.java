package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.node.TextNode;
import io.aperture.catalogue.search.InvalidSearchException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterParserTest {

    private static InvalidSearchException refused(String filter) {
        try {
            FilterParser.filter(filter);
        } catch (InvalidSearchException e) {
            return e;
        }
        throw new AssertionError("accepted: " + filter);
    }

    @Test
    void readsEveryTopLevelKey() {
        PanoscFilter f = FilterParser.filter("""
                {"where": {"title": {"ilike": "x"}}, "include": ["files", {"relation": "techniques", "scope": {"where": {"name": "SAXS"}}}],
                 "limit": "20", "skip": 5, "order": ["title DESC", "pid"], "fields": {"pid": true, "title": true}, "query": " beam ",
                 "unknownKey": 1}""");
        assertThat(f.where()).isEqualTo(new Condition.Compare("title", Operator.ILIKE, TextNode.valueOf("x"),
                "filter.where.title.ilike"));
        assertThat(f.include()).extracting(PanoscFilter.Include::relation).containsExactly("files", "techniques");
        assertThat(f.include().get(0).restricts()).isFalse();
        assertThat(f.include().get(1).restricts()).isTrue();
        assertThat(f.limit()).contains(20L);
        assertThat(f.skip()).isEqualTo(5);
        assertThat(f.order()).containsExactly(new PanoscFilter.Order("title", true), new PanoscFilter.Order("pid", false));
        assertThat(f.fields().keeps("pid")).isTrue();
        assertThat(f.fields().keeps("size")).isFalse();
        assertThat(f.query()).isEqualTo("beam");
    }

    @Test
    void andOrAndSiblingsBuildATree() {
        Condition c = FilterParser.where("""
                {"or": [{"pid": "a"}, {"and": [{"size": {"gt": 1}}, {"size": {"lt": 9}}]}], "text": "x"}""");
        assertThat(c).isInstanceOf(Condition.All.class);
        Condition.All all = (Condition.All) c;
        assertThat(all.parts()).hasSize(2);
        assertThat(all.parts().get(0)).isInstanceOf(Condition.Any.class);
        assertThat(((Condition.Any) all.parts().get(0)).parts().get(1)).isInstanceOf(Condition.All.class);
        assertThat(all.parts().get(1)).isEqualTo(new Condition.Text("x"));
    }

    @Test
    void unknownOperatorsMatchNothingAsInTheReference() {
        assertThat(FilterParser.where("{\"title\": {\"foo\": \"x\"}}")).isInstanceOf(Condition.Nothing.class);
    }

    @Test
    void refusesWhatTheReferenceRefusesNamingThePlace() {
        assertThat(refused("{where:{title:\"x\"}}").field()).isEqualTo("filter");
        assertThat(refused("[1,2]").field()).isEqualTo("filter");
        assertThat(refused("{\"where\": []}").field()).isEqualTo("filter.where");
        assertThat(refused("{\"where\": {\"and\": {\"a\": 1}}}").field()).isEqualTo("filter.where.and");
        assertThat(refused("{\"where\": {\"title\": {\"$gt\": \"a\"}}}").getMessage()).contains("OPERATOR_NOT_ALLOWED_IN_QUERY");
        assertThat(refused("{\"where\": {\"title\": {\"between\": [1]}}}").getMessage()).contains("precisely 2 values, received 1");
        assertThat(refused("{\"where\": {\"title\": {\"like\": 5}}}").getMessage()).contains("string or RegExp");
        assertThat(refused("{\"limit\": -1}").field()).isEqualTo("filter.limit");
        assertThat(refused("{\"limit\": 1.5}").field()).isEqualTo("filter.limit");
        assertThat(refused("{\"limit\": \"abc\"}").field()).isEqualTo("filter.limit");
        assertThat(refused("{\"skip\": -1}").field()).isEqualTo("filter.skip");
        assertThat(refused("{\"order\": \"title SIDEWAYS\"}").getMessage()).contains("invalid direction");
        assertThat(refused("{\"include\": [{\"scope\": {}}]}").field()).isEqualTo("filter.include[0]");
    }

    @Test
    void nestingIsBoundedAtTheReferenceDepth() {
        String ok = "{\"pid\": \"a\"}";
        for (int i = 1; i < FilterParser.MAX_DEPTH; i++) {
            ok = "{\"and\": [" + ok + "]}";
        }
        assertThat(FilterParser.where(ok)).isNotNull();
        String deep = "{\"and\": [" + ok + "]}";
        assertThatThrownBy(() -> FilterParser.where(deep)).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("QUERY_OBJECT_TOO_DEEP");
    }

    @Test
    void hostileInputIsA400NeverAFault() {
        assertThat(refused("{\"where\": {\"title\": \"a\\u0000b\"}}").getMessage()).contains("control character");
        assertThat(refused("{\"where\": {\"text\": \"" + "%_".repeat(250) + "\"}}").getMessage()).contains("longer than");
        assertThat(refused("{\"where\": {\"title\": {\"ilike\": \"" + "*a".repeat(250) + "\"}}}").getMessage()).contains("longer than");
        assertThat(refused("{\"where\": {\"title\": {\"inq\": \"x\"}}}").field()).isEqualTo("filter.where.title.inq");
        // huge numbers saturate: limits are clamped by the collection, never refused
        assertThat(FilterParser.filter("{\"limit\": 1e400, \"skip\": 1e400}").limit()).contains(Long.MAX_VALUE);
        assertThat(FilterParser.filter("{\"skip\": \"" + "9".repeat(300) + "\"}").skip()).isEqualTo(Long.MAX_VALUE);
        assertThat(PanoscCollection.limit(FilterParser.filter("{\"limit\": 1e400}"))).isEqualTo(PanoscCollection.MAX_LIMIT);
        assertThat(PanoscCollection.limit(FilterParser.filter("{\"limit\": 0}"))).isEqualTo(PanoscCollection.DEFAULT_LIMIT);
    }

    @Test
    void includesAcceptNamesAndScopedObjectsAndBoundTheirNesting() {
        assertThat(FilterParser.filter("{\"include\": \"files\"}").include()).extracting(PanoscFilter.Include::relation)
                .containsExactly("files");
        String nested = "{\"relation\": \"datasets\"}";
        for (int i = 0; i < FilterParser.MAX_INCLUDE_DEPTH; i++) {
            nested = "{\"relation\": \"datasets\", \"scope\": {\"include\": [" + nested + "]}}";
        }
        assertThat(refused("{\"include\": [" + nested + "]}").getMessage()).contains("nest at most");
        PanoscFilter scoped = FilterParser.filter("{\"include\": [{\"relation\": \"datasets\", \"scope\": {\"limit\": 2, \"order\": \"title DESC\"}}]}");
        assertThat(scoped.include().getFirst().scope().limit()).isEqualTo(Optional.of(2L));
        assertThat(scoped.include().getFirst().scope().order()).isEqualTo(List.of(new PanoscFilter.Order("title", true)));
        assertThat(scoped.include().getFirst().restricts()).isFalse();
    }
}
