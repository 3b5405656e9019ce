package ru.promtour.test.contracts;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    @BeforeEach
    void useSampleContracts() {
        System.setProperty("contracts.dir", Path.of("src/test/resources/sample-contracts").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("contracts.dir");
    }

    @Test
    void exampleOfATypeIsReadAndMatchesItsSchema() {
        String example = Contracts.example("sample.ThingHappened.v1");
        assertThat(example).contains("\"thingId\": \"t-1\"");
        Contracts.assertMatchesSchema("sample.ThingHappened.v1", example);
    }

    @Test
    void eventMissingARequiredFieldOrWithAWrongTypeIsReported() {
        assertThat(Contracts.violations("sample.ThingHappened.v1", "{\"count\": \"three\"}"))
            .anySatisfy(v -> assertThat(v).contains("thingId"))
            .anySatisfy(v -> assertThat(v).contains("count"));
        assertThatThrownBy(() -> Contracts.assertMatchesSchema("sample.ThingHappened.v1", "{\"thingId\":\"x\",\"count\":1,\"extra\":true}"))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("extra");
    }

    @Test
    void textThatIsNotJsonIsAViolation() {
        assertThat(Contracts.violations("sample.ThingHappened.v1", "{not json")).singleElement()
            .satisfies(v -> assertThat(v).startsWith("not JSON"));
    }

    @Test
    void withoutAnOverrideTheRepositoryContractsFolderIsFound() {
        System.clearProperty("contracts.dir");
        assertThat(Contracts.directory()).isEqualTo(Path.of("..").toAbsolutePath().normalize().resolve("contracts"));
    }
}
