package ru.promtour.test.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contract in the repository's contracts/ folder is a pair, and its example obeys its schema. */
class ContractsFolderTest {

    @Test
    void everySchemaHasAnExampleThatMatchesIt() throws IOException {
        List<String> types = typesWith(".schema.json");
        assertThat(types).as("event types in contracts/").isNotEmpty();
        assertThat(typesWith(".example.json")).containsExactlyInAnyOrderElementsOf(types);
        for (String type : types) {
            assertThat(Contracts.violations(type, Contracts.example(type))).as("example of %s", type).isEmpty();
        }
    }

    @Test
    void everySchemaIsDraft2020AndTitledWithItsType() throws IOException {
        for (String type : typesWith(".schema.json")) {
            String schema = Files.readString(Contracts.directory().resolve(type + ".schema.json"));
            assertThat(schema).as(type).contains("https://json-schema.org/draft/2020-12/schema")
                .contains("\"title\": \"" + type + "\"");
        }
    }

    private static List<String> typesWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Contracts.directory())) {
            return files.map(f -> f.getFileName().toString())
                .filter(name -> name.endsWith(suffix))
                .map(name -> name.substring(0, name.length() - suffix.length()))
                .sorted()
                .toList();
        }
    }
}
