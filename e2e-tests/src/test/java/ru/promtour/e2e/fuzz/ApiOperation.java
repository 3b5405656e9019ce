package ru.promtour.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document as the gateway exposes it: method, path template, its path,
 * query and header parameters, the JSON body schema (null when it takes none), and the document for {@code $ref}s.
 */
public record ApiOperation(String service, String method, String path, List<Parameter> parameters, JsonNode body,
        JsonNode document) {

    /** A parameter: {@code in} is {@code path}, {@code query} or {@code header}. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** Every operation of {@code document}, in the document's order. */
    public static List<ApiOperation> read(String service, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(), parameter.path("schema")));
                }
                JsonNode body = operation.getValue().at("/requestBody/content/application~1json/schema");
                operations.add(new ApiOperation(service, operation.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters),
                        body.isMissingNode() ? null : body, document));
            }
        }
        return List.copyOf(operations);
    }

    public List<Parameter> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    /** {@code POST /octo/bookings/{uuid}/confirm}: how findings and the summary name it. */
    public String id() {
        return method + " " + path;
    }

    /** The schema {@code node} stands for: {@code $ref} followed, the first {@code allOf} part taken. */
    public JsonNode resolve(JsonNode node) {
        JsonNode schema = node;
        for (int hops = 0; hops < 10; hops++) {
            if (schema.has("$ref")) {
                schema = document.at(schema.get("$ref").asText().substring(1));
            }
            else if (schema.path("allOf").isArray() && !schema.has("properties")) {
                schema = schema.get("allOf").get(0);
            }
            else {
                return schema;
            }
        }
        return schema;
    }
}
