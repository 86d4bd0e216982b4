package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aperture.portal.testing.SearchCluster.engine;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.equalTo;

/**
 * The index a server creates is the index every later server expects. A starting server compares the index's settings
 * with its own ({@code create-or-update}) and, on any difference, closes the index, rewrites its settings and reopens
 * it: a search on any other instance fails meanwhile, and two instances starting together race (one writes settings
 * to an index the other has just reopened, and fails to start). A settings file that the engine stores in another
 * shape than it was written in is such a difference on every start.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class IndexSchemaIT {
    @Inject
    SearchMapping mapping;

    @Test
    void theIndexAsStoredValidatesAgainstTheSchemaEveryServerExpects() {
        assertThatCode(() -> mapping.scope(Object.class).schemaManager().validate()).doesNotThrowAnyException();
    }

    @Test
    void theIndexScoresWithTheBooleanSimilarity() {
        engine().get("/dataset-read/_settings").then().statusCode(200)
                .body("collect { it.value.settings.index.similarity.default.type }.unique()", equalTo(List.of("boolean")));
    }
}
