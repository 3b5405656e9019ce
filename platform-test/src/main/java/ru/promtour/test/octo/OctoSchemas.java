package ru.promtour.test.octo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import ru.promtour.test.contracts.Contracts;

/**
 * OCTO shape tests: validates a response body against a component schema of the OCTO spec kept in
 * {@code contracts/octo/openapi.yaml} (a copy of the published OpenAPI 3.0 document, so CI needs nothing
 * outside the repository). {@code assertMatches("Product", json)} checks required fields, types, enums and
 * nested references exactly as the spec states them.
 * <p>
 * One reading of the spec differs from the validator's: OCTO writes {@code nullable: true} beside an
 * {@code allOf: [$ref]} (a booking's {@code voucher}, {@code cancellation}, {@code availability}, a unit item's
 * {@code ticket}) and answers {@code null} there in its own examples, while OpenAPI 3.0.3 lets {@code nullable}
 * widen only the sibling {@code type}, so the referenced object schema would refuse the null. The document the
 * validator reads is the spec with each such schema made "null, or what it says" ({@link #nullableComposites});
 * a non-null value is still checked against the whole referenced schema.
 */
public final class OctoSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPOSITES = List.of("allOf", "anyOf", "oneOf", "$ref");
    private static final ConcurrentMap<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static volatile JsonSchemaFactory factory;

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
        JsonSchema schema = CACHE.computeIfAbsent(name, n -> factory().getSchema(
                SchemaLocation.of(spec().toUri() + "#/components/schemas/" + n)));
        return schema.validate(read(json)).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The factory reads the spec, with its nullable composites made nullable, from memory under the file's own URI. */
    private static JsonSchemaFactory factory() {
        if (factory == null) {
            synchronized (OctoSchemas.class) {
                if (factory == null) {
                    String document = nullableComposites(load(spec())).toString();
                    factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                            builder -> builder.metaSchema(OpenApi30.getInstance())
                                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                                    .schemaLoaders(loaders -> loaders.schemas(Map.of(spec().toUri().toString(), document))));
                }
            }
        }
        return factory;
    }

    /**
     * Every schema of the tree that says {@code nullable: true} beside {@code allOf}, {@code anyOf}, {@code oneOf}
     * or {@code $ref} becomes {@code {"anyOf": [{"enum": [null]}, <the schema>]}}, deepest first.
     */
    static JsonNode nullableComposites(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, nullableComposites(array.get(i)));
            }
            return array;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        List<String> names = object.properties().stream().map(Map.Entry::getKey).toList();
        names.forEach(name -> object.set(name, nullableComposites(object.get(name))));
        if (!object.path("nullable").asBoolean() || COMPOSITES.stream().noneMatch(object::has)) {
            return object;
        }
        ObjectNode either = JSON.createObjectNode();
        ArrayNode anyOf = either.putArray("anyOf");
        anyOf.addObject().putArray("enum").addNull();
        anyOf.add(object);
        return either;
    }

    private static JsonNode load(Path yaml) {
        try (Reader reader = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            Object tree = new Yaml(options).load(reader);
            return JSON.valueToTree(tree);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
