package ru.promtour.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates this run's own tenants through the gateway with the admin key, as a client would: an Irkutsk
 * enterprise, an operator, their keys, and two published INSTANT programs — one with big slots for the
 * arrival-rate runs, one with 40-seat slots for the race. Every slot is booked once and cancelled again, so
 * booking-service has learnt it from the catalog's events before any figure is taken and every race slot
 * starts with exactly 40 free seats (checked). Writes {@code target/bench/setup.json}.
 */
public final class Setup {

    private static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    /** The visitors of {@link #classBooking}: a school class. */
    static final int CLASS_SIZE = 15;
    private static final List<String> TIMES = List.of("08:00", "10:00", "12:00", "14:00", "16:00", "18:00");

    public static void main(String[] args) {
        int rateSlots = Bench.intProperty("bench.rateSlots", 120);
        int rateCapacity = Bench.intProperty("bench.rateCapacity", 2000);
        int raceSlots = Bench.intProperty("bench.raceRepetitions", 20);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api admin = new Api(Bench.GATEWAY, Bench.ADMIN_KEY);
        awaitCatalogRoute(new Api(Bench.GATEWAY, null));

        String enterpriseId = "ent-bench-" + tag;
        admin.expect(201, admin.post("/api/v1/enterprises", Map.ofEntries(
                Map.entry("id", enterpriseId), Map.entry("name", "Бенчмарк ГЭС"), Map.entry("legalName", "ООО «Бенчмарк»"),
                Map.entry("region", "RU-IRK"), Map.entry("city", "Иркутск"), Map.entry("address", "ул. Лермонтова, 1"),
                Map.entry("coordinates", Map.of("lat", 52.25, "lon", 104.3)), Map.entry("industry", "ENERGY"),
                Map.entry("timeZone", "Asia/Irkutsk"), Map.entry("description", "Стенд для замеров"),
                Map.entry("contacts", Map.of("email", "bench@" + tag + ".example", "phone", "+73952000000")))), "register the enterprise");
        String enterpriseKey = key(admin, "ENTERPRISE", enterpriseId);
        Api.Response operator = admin.expect(201, admin.post("/admin/operators", Map.of(
                "name", "Бенч-Тур " + tag, "email", "bench-op@" + tag + ".example", "phone", "+79000000000")), "register the operator");
        String operatorId = operator.text("/id");
        String operatorKey = key(admin, "OPERATOR", operatorId);
        Api enterprise = new Api(Bench.GATEWAY, enterpriseKey);
        Api octo = new Api(Bench.GATEWAY, operatorKey);

        LocalDate start = LocalDate.now().plusDays(10);
        Program rates = program(enterprise, octo, "Поток " + tag, start, rateSlots, rateCapacity);
        Program race = program(enterprise, octo, "Гонка " + tag, start.plusDays(rateSlots / TIMES.size() + 2), raceSlots, 40);
        for (Program program : List.of(rates, race)) {
            for (String slot : program.slots()) {
                warm(octo, program, slot);
            }
        }
        for (String slot : race.slots()) {
            awaitEmpty(enterprise, slot);
        }

        String classBooking = classBooking(octo, rates);

        ObjectNode setup = Bench.JSON.createObjectNode();
        setup.put("tag", tag).put("enterpriseId", enterpriseId).put("enterpriseKey", enterpriseKey)
                .put("operatorId", operatorId).put("operatorName", "Бенч-Тур " + tag)
                .put("operatorEmail", "bench-op@" + tag + ".example").put("operatorKey", operatorKey);
        setup.set("rates", rates.json());
        // AvailabilitySimulation asks for a week starting on one of these days (all within the rate slots' days)
        setup.put("ratesFrom", start.toString()).put("ratesDays", Math.max(1, rateSlots / TIMES.size() - 6));
        setup.set("race", race.json());
        setup.put("classBookingUuid", classBooking);
        Bench.write(Bench.DIR.resolve("setup.json"), setup);
        System.out.printf("set-up %s: %d rate slots of %d seats, %d race slots of 40 seats%n", tag, rates.slots().size(),
                rateCapacity, race.slots().size());
    }

    record Program(String productId, String unitId, List<String> slots) {
        ObjectNode json() {
            ObjectNode node = Bench.JSON.createObjectNode().put("productId", productId).put("unitId", unitId);
            slots.forEach(node.putArray("slots")::add);
            return node;
        }
    }

    private static String key(Api admin, String type, String tenantId) {
        return admin.expect(201, admin.post("/admin/api-keys", Map.of("tenantType", type, "tenantId", tenantId, "label", "bench")),
                "issue a key").text("/apiKey");
    }

    private static Program program(Api enterprise, Api octo, String title, LocalDate from, int slots, int capacity) {
        Api.Response created = enterprise.expect(201, enterprise.post("/api/v1/excursions", Map.ofEntries(
                Map.entry("title", title), Map.entry("description", "Стенд для замеров"), Map.entry("durationMinutes", 60),
                Map.entry("languages", List.of("ru")), Map.entry("minAge", 0), Map.entry("bookingMode", "INSTANT"),
                Map.entry("meetingPoint", "КПП"), Map.entry("rules", Map.of("photoAllowed", true, "documents", "NONE")),
                Map.entry("units", List.of(Map.of("type", "ADULT", "price", 10000))), Map.entry("minUnits", 1),
                Map.entry("maxUnits", 40), Map.entry("bookingCutoffHours", 1), Map.entry("cancellationCutoffHours", 1))),
                "create a program");
        String productId = created.text("/id");
        enterprise.expect(200, enterprise.post("/api/v1/excursions/" + productId + "/publish", null), "publish");
        int days = (slots + TIMES.size() - 1) / TIMES.size();
        // one day per call: a big schedule on a cold JVM can outlast the gateway's 5 s limit for catalog calls;
        // a schedule is idempotent (existing starts are skipped), so a refused day is simply sent again
        for (int day = 0; day < days; day++) {
            Map<String, Object> body = Map.of("daysOfWeek", DAYS, "times", TIMES, "from", from.plusDays(day).toString(),
                    "to", from.plusDays(day).toString(), "capacity", capacity);
            Api.Response scheduled = enterprise.post("/api/v1/excursions/" + productId + "/schedules", body);
            for (int attempt = 0; attempt < 20 && scheduled.status() != 201; attempt++) {
                pause();
                scheduled = enterprise.post("/api/v1/excursions/" + productId + "/schedules", body);
            }
            enterprise.expect(201, scheduled, "schedule " + from.plusDays(day));
        }
        JsonNode listed = enterprise.expect(200, enterprise.get("/api/v1/excursions/" + productId + "/slots?from=" + from
                + "&to=" + from.plusDays(days - 1)), "list the slots").body();
        List<String> ids = new ArrayList<>();
        listed.forEach(slot -> ids.add(slot.path("id").asText()));
        if (ids.size() < slots) {
            throw new IllegalStateException("The schedule made " + ids.size() + " slots, " + slots + " wanted");
        }
        String unitId = awaitProduct(octo, productId);
        return new Program(productId, unitId, List.copyOf(ids.subList(0, slots)));
    }

    /** The catalog's OCTO view of the new program (its unit id), once the catalog has it. */
    private static String awaitProduct(Api octo, String productId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Api.Response product = octo.get("/octo/products/" + productId);
            if (product.status() == 200) {
                return product.text("/options/0/units/0/id");
            }
            pause();
        }
        throw new IllegalStateException("Product " + productId + " never appeared over OCTO");
    }

    /**
     * A school class as the platform mostly sees one: 15 visitors reserved on the first rate slot and confirmed with
     * the group leader's contact. {@link Sizes} reads its stored document (the bench's own bookings carry one visitor).
     */
    private static String classBooking(Api octo, Program program) {
        List<Map<String, String>> units = java.util.Collections.nCopies(CLASS_SIZE, Map.of("unitId", program.unitId()));
        Api.Response held = octo.expect(200, octo.post("/octo/bookings", Map.of("uuid", java.util.UUID.randomUUID().toString(),
                "productId", program.productId(), "optionId", "DEFAULT", "availabilityId", program.slots().get(0), "unitItems", units)),
                "reserve a class");
        String uuid = held.text("/uuid");
        octo.expect(200, octo.post("/octo/bookings/" + uuid + "/confirm", Map.of("contact", Map.of("fullName", "Классный руководитель",
                "emailAddress", "class-teacher@school.example", "phoneNumber", "+79001112233", "locales", List.of("ru")))),
                "confirm the class");
        return uuid;
    }

    /** One booking reserved and cancelled: booking-service has learnt the slot, the seat is back. */
    private static void warm(Api octo, Program program, String slot) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Api.Response held = octo.post("/octo/bookings", Reserve.body(program.productId(), slot, program.unitId()));
            if (held.status() == 200 && "ON_HOLD".equals(held.text("/status"))) {
                octo.expect(200, octo.post("/octo/bookings/" + held.text("/uuid") + "/cancel", Map.of("reason", "warm-up")),
                        "cancel the warm-up hold");
                return;
            }
            pause();
        }
        throw new IllegalStateException("Slot " + slot + " never took a hold");
    }

    /** A fresh JVM answers its first calls slowly enough for the gateway's time limit: wait for a quick answer. */
    private static void awaitCatalogRoute(Api anonymous) {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (anonymous.get("/api/v1/catalog/excursions").status() == 200) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("The catalog never answered through the gateway");
    }

    /** The warm-up's release travels over Kafka: wait until the race slot is back to 40 free seats. */
    private static void awaitEmpty(Api enterprise, String slot) {
        JsonNode seats = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            seats = enterprise.expect(200, enterprise.get("/api/v1/slots/" + slot), "read a race slot").body();
            if (seats.path("available").asInt() == 40 && seats.path("held").asInt() == 0 && seats.path("confirmed").asInt() == 0) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("Race slot " + slot + " does not start empty: " + seats);
    }

    private static void pause() {
        try {
            Thread.sleep(200);  // set-up only: waiting for the catalog's events to reach booking-service
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
