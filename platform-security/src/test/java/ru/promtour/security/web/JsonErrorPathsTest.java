package ru.promtour.security.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonErrorPathsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Unit(String type, int price) {
    }

    record Program(String title, List<Unit> units) {
    }

    private static JacksonException failureReading(String body, Class<?> type) {
        return catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, type));
    }

    @Test
    void aWrongTypeDeepInTheBodyIsNamedByPropertiesAndIndexes() {
        JacksonException ex = failureReading("""
                {"title":"Плотина","units":[{"type":"ADULT","price":90000},{"type":"CHILD","price":"дёшево"}]}""",
                Program.class);

        assertThat(JsonErrorPaths.path(ex.getPath())).isEqualTo("units[1].price");
    }

    @Test
    void anIndexAtTheRootHasNoLeadingDot() {
        JacksonException ex = failureReading("[1, \"два\"]", int[].class);

        assertThat(JsonErrorPaths.path(ex.getPath())).isEqualTo("[1]");
    }

    @Test
    void aBodyThatIsNotJsonHasNoPath() {
        JacksonException ex = failureReading("not json", Program.class);

        assertThat(JsonErrorPaths.path(ex.getPath())).isEmpty();
    }

    @Test
    void theJacksonFailureIsFoundWhereverSpringWrappedIt() {
        JacksonException jackson = failureReading("not json", Program.class);

        assertThat(JsonErrorPaths.jacksonCause(new IllegalStateException("unreadable", new RuntimeException(jackson))))
                .isSameAs(jackson);
        assertThat(JsonErrorPaths.jacksonCause(jackson)).isSameAs(jackson);
        assertThat(JsonErrorPaths.jacksonCause(new IllegalStateException("no body"))).isNull();
    }
}
