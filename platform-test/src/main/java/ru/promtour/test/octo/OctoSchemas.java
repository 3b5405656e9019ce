package ru.promtour.test.octo;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import ru.promtour.test.contracts.Contracts;

/**
 * OCTO shape tests: validates a response body against a component schema of the OCTO spec kept in
 * {@code contracts/octo/openapi.yaml} (a copy of the published OpenAPI 3.0 document, so CI needs nothing
 * outside the repository). {@code assertMatches("Product", json)} checks required fields, types, enums and
 * nested references exactly as the spec states them.
 */
public final class OctoSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final ConcurrentMap<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private OctoSchemas() {
    }

    /** The spec file: {@code contracts/octo/openapi.yaml}. */
    public static Path spec() {
        return Contracts.directory().resolve("octo").resolve("openapi.yaml");
    }

    /** Throws {@link AssertionError} listing every violation when {@code json} does not match {@code #/components/schemas/<name>}. */
    public static void assertMatches(String name, String json) {
        Set<String> violations = violations(name, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("Body does not match OCTO schema " + name + ":\n  "
                    + String.join("\n  ", violations) + "\nBody: " + json);
        }
    }

    /** Every element of a JSON array must match the schema. */
    public static void assertEachMatches(String name, String jsonArray) {
        JsonNode array = read(jsonArray);
        if (!array.isArray()) {
            throw new AssertionError("Expected a JSON array of " + name + ": " + jsonArray);
        }
        array.forEach(element -> assertMatches(name, element.toString()));
    }

    /** The violations of {@code json} against the named component schema, empty when it conforms. */
    public static Set<String> violations(String name, String json) {
        JsonSchema schema = CACHE.computeIfAbsent(name, n -> FACTORY.getSchema(
                SchemaLocation.of(spec().toUri() + "#/components/schemas/" + n)));
        return schema.validate(read(json)).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        }
        catch (java.io.IOException ex) {
            throw new AssertionError("Not JSON: " + json, ex);
        }
    }
}
