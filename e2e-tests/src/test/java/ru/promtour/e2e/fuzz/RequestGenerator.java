package ru.promtour.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates requests for an {@link ApiOperation} from its schema: a valid-ish request (values in the schema's
 * ranges, the ids of live objects where a field or path names one, so requests get past lookups to the
 * checks behind them), or that request with one mutation. Deterministic: the same {@link SplittableRandom} seed
 * gives the same request.
 */
public final class RequestGenerator {

    /** What a request tries; {@link #VALID} is the unmutated request. */
    public enum Mutation {
        VALID, WRONG_TYPE, MISSING_FIELD, NULL_FIELD, UNKNOWN_FIELD, HUGE_STRING, UNICODE, EXTREME_NUMBER, BAD_DATE,
        WRONG_ROOT, DEEP_NESTING, INVALID_JSON, WRONG_CONTENT_TYPE, BAD_PATH_PARAM, BAD_QUERY_PARAM
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Mutation> BODY_MUTATIONS = List.of(Mutation.WRONG_TYPE, Mutation.MISSING_FIELD,
            Mutation.NULL_FIELD, Mutation.UNKNOWN_FIELD, Mutation.HUGE_STRING, Mutation.UNICODE, Mutation.EXTREME_NUMBER,
            Mutation.BAD_DATE, Mutation.WRONG_ROOT, Mutation.DEEP_NESTING, Mutation.INVALID_JSON, Mutation.WRONG_CONTENT_TYPE);
    /** Path segments and query values that are already URI text: sent as they are. */
    private static final List<String> RAW_BAD_PARAMS = List.of("%00", "..", "%2e%2e", "%2F", "a%2Fb", "%252F", "%20",
            "null", "undefined", "-1", "0", "99999999999999999999", "1e400", "%F0%9F%98%80", "%FF%FE", "%7Bid%7D",
            "%24where", "%24ne", "%27%20OR%201%3D1--", "%3Cscript%3E", "%0d%0aX-Injected:%20y", "507f1f77bcf86cd799439011",
            "%E2%80%AE", "%C0%AE", "x".repeat(3000), UUID.randomUUID().toString());
    private static final List<String> NASTY_STRINGS = List.of("\u0000", "a\u0000b", "\u202Eevil", "\uD800", "\uDFFF",
            "😀👨‍👩‍👧‍👦", "Z̴̡̛a̷l̶g̸o̵", "\u0007\u001B[31m", "\r\nX-Injected: y", "\t\n", " ", "", "${jndi:ldap://x}",
            "{\"$ne\": null}", "$where", "a.b", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1--", "%s%n%x",
            "\uFEFF", "ÿ", "NaN", "-0", "日本語", "ру́сский");
    private static final List<String> BAD_DATES = List.of("9999-99-99", "2026-02-30", "0000-00-00", "2026-13-01",
            "+999999999-12-31", "-999999999-01-01", "99:99", "25:61", "2026-12-01T25:61", "2026-12-01T10:00:00+25:00",
            "1970-01-01", "2999-12-31", "9999-12-31T23:59", "20261201", "01.12.2026", "", "tomorrow", "2026-1-1");
    private static final List<String> INVALID_JSON = List.of("{", "{\"a\":", "{'a': 1}", "{\"a\" 1}", "[1,]", "{,}",
            "nul", "{\"a\":1}}", "{\"a\":NaN}", "{\"a\":0x10}", "\"unterminated", "{\"a\":\"\\x\"}", "]", "\u0000{}",
            "{\"a\":1} trailing", "{\"a\":01}", "/* c */{}");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
            "application/octet-stream", "application/*", "garbage");

    private final Map<String, List<String>> ids;

    /** {@code ids}: live object ids by kind (product, slot, unit, bookingUuid, bookingId, enterprise, webhook, message). */
    public RequestGenerator(Map<String, List<String>> ids) {
        this.ids = ids;
    }

    /** A request for {@code operation}: valid-ish in about a quarter of the cases, else with one mutation. */
    public FuzzRequest next(ApiOperation operation, SplittableRandom random) {
        Mutation mutation = random.nextInt(4) == 0 ? Mutation.VALID : pickMutation(operation, random);
        return generate(operation, mutation, random);
    }

    private static Mutation pickMutation(ApiOperation operation, SplittableRandom random) {
        List<Mutation> possible = new ArrayList<>();
        if (operation.body() != null) {
            possible.addAll(BODY_MUTATIONS);
        }
        if (!operation.parameters("path").isEmpty()) {
            possible.add(Mutation.BAD_PATH_PARAM);
        }
        possible.add(Mutation.BAD_QUERY_PARAM);
        if (operation.body() == null) {
            possible.add(Mutation.HUGE_STRING);
            possible.add(Mutation.UNICODE);
        }
        return possible.get(random.nextInt(possible.size()));
    }

    public FuzzRequest generate(ApiOperation operation, Mutation mutation, SplittableRandom random) {
        String path = path(operation, mutation == Mutation.BAD_PATH_PARAM, random);
        String query = query(operation, mutation, random);
        String capabilities = null;
        for (ApiOperation.Parameter header : operation.parameters("header")) {
            if (random.nextBoolean()) {
                capabilities = pick(random, List.of("octo/pricing", "octo/content", "octo/pricing, octo/content",
                        "octo/unknown", "", " , ,", "x".repeat(200)));
            }
        }
        String contentType = "application/json";
        String body = null;
        if (operation.body() != null) {
            JsonNode value = value(operation, operation.body(), "", 0, random);
            body = mutateBody(value, mutation, random);
            if (mutation == Mutation.WRONG_CONTENT_TYPE) {
                contentType = pick(random, CONTENT_TYPES);
            }
        }
        return new FuzzRequest(operation, mutation, operation.method(), path + query, contentType, body, capabilities);
    }

    private String path(ApiOperation operation, boolean bad, SplittableRandom random) {
        List<ApiOperation.Parameter> parameters = operation.parameters("path");
        ApiOperation.Parameter spoiled = bad ? pick(random, parameters) : null;
        String path = operation.path();
        for (ApiOperation.Parameter parameter : parameters) {
            String segment = parameter == spoiled ? pick(random, RAW_BAD_PARAMS)
                    : encode(pathId(operation.path(), parameter.name(), random));
            path = path.replace("{" + parameter.name() + "}", segment);
        }
        return path;
    }

    /** The id of a live object of the kind the segment before {@code {name}} names, now and then an unknown one. */
    private String pathId(String template, String name, SplittableRandom random) {
        String before = template.substring(0, template.indexOf("{" + name + "}"));
        String[] segments = before.split("/");
        String collection = segments.length == 0 ? "" : segments[segments.length - 1];
        String kind = switch (collection) {
            case "excursions", "products" -> "product";
            case "slots", "manifests" -> "slot";
            case "bookings" -> template.startsWith("/octo/") ? "bookingUuid" : "bookingId";
            case "enterprises" -> "enterprise";
            case "webhooks" -> "webhook";
            case "notifications" -> "message";
            default -> "";
        };
        List<String> known = ids.getOrDefault(kind, List.of());
        return known.isEmpty() || random.nextInt(10) == 0 ? UUID.randomUUID().toString() : pick(random, known);
    }

    private String query(ApiOperation operation, Mutation mutation, SplittableRandom random) {
        List<String> pairs = new ArrayList<>();
        List<ApiOperation.Parameter> parameters = operation.parameters("query");
        ApiOperation.Parameter spoiled = mutation == Mutation.BAD_QUERY_PARAM && !parameters.isEmpty() && random.nextInt(4) != 0
                ? pick(random, parameters) : null;
        for (ApiOperation.Parameter parameter : parameters) {
            if (parameter == spoiled) {
                String raw = random.nextBoolean() ? pick(random, RAW_BAD_PARAMS) : encode(pick(random, BAD_DATES));
                pairs.add(parameter.name() + "=" + raw);
                if (random.nextBoolean()) {
                    pairs.add(parameter.name() + "=" + encode(text(parameter.schema(), parameter.name(), random)));
                }
            }
            else if (parameter.required() || random.nextInt(3) == 0) {
                JsonNode value = value(operation, parameter.schema(), parameter.name(), 0, random);
                String text = switch (mutation) {
                    case HUGE_STRING -> "q".repeat(pick(random, List.of(2000, 3500, 7000)));
                    case UNICODE -> pick(random, NASTY_STRINGS);
                    default -> value.asText();
                };
                pairs.add(parameter.name() + "=" + encode(text));
            }
        }
        if (spoiled == null && mutation == Mutation.BAD_QUERY_PARAM) {
            pairs.add(pick(random, List.of("unknown", "page", "%24where", "a[b]", "")) + "=" + pick(random, RAW_BAD_PARAMS));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    // ---- values from a schema

    /** A value that fits {@code schema} (as far as the schema says), with live ids and plausible texts by field name. */
    JsonNode value(ApiOperation operation, JsonNode declared, String name, int depth, SplittableRandom random) {
        JsonNode schema = operation.resolve(declared);
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(operation, schema, depth, random);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(3), 3);
                int size = Math.max(min, random.nextInt(Math.max(max, min) + 1));
                for (int i = 0; i < size && depth < 6; i++) {
                    array.add(value(operation, schema.path("items"), singular(name), depth + 1, random));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(integer(schema, name, random));
            case "number" -> {
                double min = schema.path("minimum").asDouble(-90);
                double max = schema.path("maximum").asDouble(90);
                yield NODES.numberNode(min + random.nextDouble() * (max - min));
            }
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(text(schema, name, random));
        };
    }

    private ObjectNode object(ApiOperation operation, JsonNode schema, int depth, SplittableRandom random) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || (depth < 4 && random.nextInt(10) < 7)) {
                object.set(property.getKey(), value(operation, property.getValue(), property.getKey(), depth + 1, random));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && depth < 4) {
            for (int i = random.nextInt(3); i > 0; i--) {
                object.set(pick(random, List.of("MONDAY", "SATURDAY", "monday", "$where", "a.b", "")),
                        value(operation, additional, "range", depth + 1, random));
            }
        }
        return object;
    }

    private static long integer(JsonNode schema, String name, SplittableRandom random) {
        String field = name.toLowerCase(Locale.ROOT);
        if (field.equals("page")) {
            return random.nextInt(3);
        }
        if (field.equals("quantity") || field.equals("limit") || field.equals("size")) {
            return 1 + random.nextInt(5);
        }
        long min = schema.path("minimum").asLong(field.contains("minutes") ? 5 : 0);
        long max = Math.min(schema.path("maximum").asLong(min + 100), min + 100);
        return min + random.nextLong(max - min + 1);
    }

    private String text(JsonNode schema, String name, SplittableRandom random) {
        String field = name.toLowerCase(Locale.ROOT);
        String format = schema.path("format").asText("");
        LocalDate day = LocalDate.now().plusDays(2 + random.nextInt(20));
        List<String> known = ids.getOrDefault(idKind(field), List.of());
        if (!known.isEmpty() && random.nextInt(8) != 0) {
            return pick(random, known);
        }
        if (format.equals("date") || field.contains("date")) {
            return field.contains("birth") ? LocalDate.now().minusYears(8 + random.nextInt(50)).toString() : day.toString();
        }
        if (format.equals("date-time") || field.equals("localstart")) {
            return day + "T" + pick(random, List.of("09:00", "10:30", "14:00"));
        }
        return switch (field) {
            case "uuid" -> UUID.randomUUID().toString();
            case "from", "to", "time" -> pick(random, List.of("09:00", "12:00", "17:30"));
            case "email", "emailaddress" -> "fuzz" + random.nextInt(1000) + "@school.example";
            case "phone", "phonenumber" -> "+7902555" + (1000 + random.nextInt(9000));
            case "website" -> "https://factory.example/tours";
            case "url" -> "http://127.0.0.1:9/fuzz-hooks";
            case "event" -> pick(random, List.of("booking_update", "availability_update", "nope"));
            case "timezone" -> pick(random, List.of("Europe/Moscow", "Asia/Irkutsk", "Mars/Olympus"));
            case "region" -> pick(random, List.of("RU-MOW", "RU-IRK", "RU-SPE"));
            case "industry" -> pick(random, List.of("ENERGY", "FOOD", "CERAMICS"));
            case "language", "languages", "locale", "locales" -> pick(random, List.of("ru", "en", "zh"));
            case "currency" -> pick(random, List.of("RUB", "USD"));
            case "mine" -> pick(random, List.of("true", "false"));
            case "format" -> pick(random, List.of("csv", "json", "pdf"));
            case "status" -> pick(random, List.of("ON_HOLD", "CONFIRMED", "PENDING", "CANCELLED"));
            case "documenttype" -> pick(random, List.of("PASSPORT", "BIRTH_CERTIFICATE"));
            case "documentnumber" -> String.valueOf(4500_000000L + random.nextInt(1_000_000));
            case "id" -> "ent-fuzz-" + Long.toString(random.nextLong() & 0xffffffL, 36);
            case "optionid" -> "DEFAULT";
            default -> word(schema, random);
        };
    }

    private static String idKind(String field) {
        return switch (field) {
            case "productid", "productids", "excursionid" -> "product";
            case "availabilityid", "availabilityids", "slotid" -> "slot";
            case "unitid" -> "unit";
            case "enterpriseid" -> "enterprise";
            case "bookingid", "supplierreference" -> "bookingId";
            default -> "";
        };
    }

    private static String word(JsonNode schema, SplittableRandom random) {
        int max = Math.min(schema.path("maxLength").asInt(40), 40);
        int length = Math.max(schema.path("minLength").asInt(1), 1 + random.nextInt(Math.max(max, 1)));
        String letters = "абвгдежзиклмнопрстуфхцэюяabcdefghijklmnopqrstuvwxyz ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(length, max); i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString().isBlank() ? "fuzz" : text.toString();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    // ---- mutations of a body

    private static String mutateBody(JsonNode value, Mutation mutation, SplittableRandom random) {
        return switch (mutation) {
            case WRONG_TYPE -> write(replaceLeaf(value, n -> true, random, pick(random, List.of(
                    NODES.textNode("not-a-number"), NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add(1).add("x"), NODES.numberNode(1.5)))));
            case NULL_FIELD -> write(replaceLeaf(value, n -> true, random, NODES.nullNode()));
            case MISSING_FIELD -> write(removeField(value, random));
            case UNKNOWN_FIELD -> unknownField(value, random);
            case HUGE_STRING -> write(replaceLeaf(value, JsonNode::isTextual, random,
                    NODES.textNode("Ж".repeat(pick(random, List.of(1000, 10_000, 60_000, 200_000))))));
            case UNICODE -> write(replaceLeaf(value, JsonNode::isTextual, random, NODES.textNode(pick(random, NASTY_STRINGS))));
            case EXTREME_NUMBER -> replaceLeafRaw(value, JsonNode::isNumber, random, pick(random, List.of("-1", "0",
                    "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400",
                    "1.0E308", "4.9E-324", "1.5", "-0.0", "123456789012345678901234567890")));
            case BAD_DATE -> write(replaceLeaf(value, RequestGenerator::looksLikeTime, random,
                    NODES.textNode(pick(random, BAD_DATES))));
            case WRONG_ROOT -> pick(random, List.of("[]", "[" + write(value) + "]", "\"text\"", "42", "true", "null", "{}"));
            case DEEP_NESTING -> {
                int depth = pick(random, List.of(600, 2000, 20_000));
                yield random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            }
            case INVALID_JSON -> random.nextBoolean() ? pick(random, INVALID_JSON)
                    : write(value).substring(0, Math.max(1, random.nextInt(Math.max(1, write(value).length()))));
            default -> write(value);
        };
    }

    private static boolean looksLikeTime(JsonNode node) {
        return node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}.*|\\d{2}:\\d{2}");
    }

    /** Replaces a random leaf matching {@code which} (any leaf when none matches) by {@code replacement}. */
    private static JsonNode replaceLeaf(JsonNode root, Predicate<JsonNode> which, SplittableRandom random, JsonNode replacement) {
        List<Slot> leaves = leaves(root, which);
        if (leaves.isEmpty()) {
            leaves = leaves(root, n -> true);
        }
        if (leaves.isEmpty()) {
            return replacement;
        }
        pick(random, leaves).set(replacement);
        return root;
    }

    /** As {@link #replaceLeaf}, with a number literal Jackson could not hold, written into the text. */
    private static String replaceLeafRaw(JsonNode root, Predicate<JsonNode> which, SplittableRandom random, String literal) {
        String marker = "\"__fuzz_number__\"";
        return write(replaceLeaf(root, which, random, NODES.textNode("__fuzz_number__"))).replace(marker, literal);
    }

    private static JsonNode removeField(JsonNode root, SplittableRandom random) {
        List<Slot> fields = new ArrayList<>();
        collect(root, fields, n -> true, true);
        List<Slot> named = fields.stream().filter(s -> s.key != null).toList();
        if (!named.isEmpty()) {
            Slot slot = pick(random, named);
            ((ObjectNode) slot.parent).remove(slot.key);
        }
        return root;
    }

    private static String unknownField(JsonNode root, SplittableRandom random) {
        if (!(root instanceof ObjectNode object)) {
            return write(root);
        }
        String text = write(object);
        String extra = pick(random, List.of("\"__proto__\":{\"admin\":true}", "\"$where\":\"1\"", "\"a.b\":1",
                "\"status\":\"CONFIRMED\"", "\"tenantId\":\"ent-other\"", "\"id\":\"x\""));
        if (random.nextBoolean() && object.size() > 0) {
            // a duplicate key: the first field again, with another value
            Iterator<String> names = object.fieldNames();
            extra = "\"" + names.next() + "\":\"duplicate\"";
        }
        return object.isEmpty() ? "{" + extra + "}" : text.substring(0, text.length() - 1) + "," + extra + "}";
    }

    /** Where a leaf sits: its container and key or index, so it can be replaced. */
    private record Slot(JsonNode parent, String key, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(key, value);
            }
            else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> leaves(JsonNode root, Predicate<JsonNode> which) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, which, false);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots, Predicate<JsonNode> which, boolean containersToo) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if ((containersToo || field.getValue().isValueNode()) && which.test(field.getValue())) {
                    slots.add(new Slot(object, field.getKey(), -1));
                }
                collect(field.getValue(), slots, which, containersToo);
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if ((containersToo || array.get(i).isValueNode()) && which.test(array.get(i))) {
                    slots.add(new Slot(array, null, i));
                }
                collect(array.get(i), slots, which, containersToo);
            }
        }
    }

    private static String write(JsonNode value) {
        return value.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
