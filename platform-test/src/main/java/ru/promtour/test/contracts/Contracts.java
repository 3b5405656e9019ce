package ru.promtour.test.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Event contracts: {@code contracts/<type>.schema.json} (JSON Schema 2020-12) and
 * {@code contracts/<type>.example.json}, where type is the CloudEvents {@code ce_type}
 * (e.g. {@code booking.BookingConfirmed.v1}). Producers prove their serialized events match the
 * schema; consumers prove they read the example.
 */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Contracts() {
    }

    /** Throws {@link AssertionError} listing every violation when {@code json} does not match the type's schema. */
    public static void assertMatchesSchema(String type, String json) {
        Set<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("Event " + type + " does not match contracts/" + type + ".schema.json:\n  "
                    + String.join("\n  ", violations) + "\nEvent: " + json);
        }
    }

    /** The schema violations of {@code json}, empty when it conforms. */
    public static Set<String> violations(String type, String json) {
        JsonSchema schema = SCHEMAS.getSchema(read(type + ".schema.json"));
        try {
            JsonNode node = JSON.readTree(json);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        catch (IOException ex) {
            return Set.of("not JSON: " + ex.getMessage());
        }
    }

    /** The example event of the type, as JSON text. */
    public static String example(String type) {
        return read(type + ".example.json");
    }

    /** The folder holding the contracts: {@code -Dcontracts.dir}, else the nearest {@code contracts/} upwards. */
    public static Path directory() {
        String configured = System.getProperty("contracts.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("contracts");
            if (Files.isDirectory(candidate) && Files.exists(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No contracts/ folder above " + Path.of("").toAbsolutePath());
    }

    private static String read(String file) {
        Path path = directory().resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Missing contract file " + path, ex);
        }
    }
}
