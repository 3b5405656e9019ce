package ru.promtour.faults;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The suite's own tenants, created through the gateway with the admin key as a client would: one Kaluga enterprise
 * with a key, {@code operators} operators with theirs, and per scenario a fresh published INSTANT program with a day of
 * small slots that booking-service has learnt (each slot takes a hold before the scenario starts).
 */
final class Tenants {

    private static final List<String> TIMES = List.of("09:00", "10:30", "12:00", "13:30", "15:00", "16:30", "18:00", "19:30");

    private final Client enterprise;
    private final List<Workload.Operator> operators;

    private Tenants(Client enterprise, List<Workload.Operator> operators) {
        this.enterprise = enterprise;
        this.operators = operators;
    }

    static Tenants create(String gateway, String adminKey, int operators) {
        Client admin = new Client(gateway, adminKey);
        String tag = FaultSuite.tag();
        String enterpriseId = "ent-faults-" + tag;
        expect(201, admin.post("/api/v1/enterprises", Map.ofEntries(
                Map.entry("id", enterpriseId), Map.entry("name", "Калужская сыроварня (стенд)"), Map.entry("legalName", "ООО «Стенд»"),
                Map.entry("region", "RU-KLU"), Map.entry("city", "Калуга"), Map.entry("address", "ул. Заводская, 1"),
                Map.entry("coordinates", Map.of("lat", 54.51, "lon", 36.26)), Map.entry("industry", "FOOD"),
                Map.entry("timeZone", "Europe/Moscow"), Map.entry("description", "Стенд для отказов"),
                Map.entry("contacts", Map.of("email", "faults@" + tag + ".example", "phone", "+74842000000")))), "register the enterprise");
        Client enterprise = new Client(gateway, key(admin, "ENTERPRISE", enterpriseId));
        List<Workload.Operator> list = new ArrayList<>();
        for (int i = 1; i <= operators; i++) {
            Client.Answer operator = expect(201, admin.post("/admin/operators", Map.of("name", "Отказ-Тур " + i + " " + tag,
                    "email", "op" + i + "@" + tag + ".example", "phone", "+7900000000" + i)), "register an operator");
            String id = operator.text("/id");
            String key = key(admin, "OPERATOR", id);
            list.add(new Workload.Operator(id, key, new Client(gateway, key)));
        }
        return new Tenants(enterprise, List.copyOf(list));
    }

    List<Workload.Operator> operators() {
        return operators;
    }

    /** A published program with {@code slots} slots of {@code capacity} seats on {@code day}, all known to booking-service. */
    Workload.Site site(String name, LocalDate day, int slots, int capacity) {
        String productId = expect(201, enterprise.post("/api/v1/excursions", Map.ofEntries(
                Map.entry("title", "Сыроварня: " + name), Map.entry("description", "Сценарий отказа " + name),
                Map.entry("durationMinutes", 60), Map.entry("languages", List.of("ru")), Map.entry("minAge", 0),
                Map.entry("bookingMode", "INSTANT"), Map.entry("meetingPoint", "Проходная"),
                Map.entry("rules", Map.of("photoAllowed", true, "documents", "NONE")),
                Map.entry("units", List.of(Map.of("type", "ADULT", "price", 50000))), Map.entry("minUnits", 1),
                Map.entry("maxUnits", 10), Map.entry("bookingCutoffHours", 1), Map.entry("cancellationCutoffHours", 1))),
                "create a program").text("/id");
        expect(200, enterprise.post("/api/v1/excursions/" + productId + "/publish", null), "publish");
        expect(201, enterprise.post("/api/v1/excursions/" + productId + "/schedules", Map.of(
                "daysOfWeek", List.of(day.getDayOfWeek().name()), "times", TIMES.subList(0, slots),
                "from", day.toString(), "to", day.toString(), "capacity", capacity)), "schedule");
        List<String> ids = new ArrayList<>();
        expect(200, enterprise.get("/api/v1/excursions/" + productId + "/slots?from=" + day + "&to=" + day), "list the slots")
                .body().forEach(slot -> ids.add(slot.path("id").asText()));
        Client octo = operators.get(0).client();
        String unitId = await(() -> {
            Client.Answer product = octo.get("/octo/products/" + productId);
            return product.status() == 200 ? product.text("/options/0/units/0/id") : null;
        }, "the product over OCTO");
        for (String slot : ids) {
            await(() -> {
                Client.Answer held = octo.post("/octo/bookings", Map.of("uuid", java.util.UUID.randomUUID().toString(),
                        "productId", productId, "optionId", "DEFAULT", "availabilityId", slot, "unitItems", List.of(Map.of("unitId", unitId))));
                if (held.status() != 200) {
                    return null;
                }
                expect(200, octo.post("/octo/bookings/" + held.text("/uuid") + "/cancel", Map.of("reason", "warm-up")), "cancel the warm-up");
                return slot;
            }, "slot " + slot + " in booking-service");
        }
        return new Workload.Site(productId, unitId, List.copyOf(ids), capacity, enterprise);
    }

    private static String key(Client admin, String type, String tenant) {
        return expect(201, admin.post("/admin/api-keys", Map.of("tenantType", type, "tenantId", tenant, "label", "fault suite")),
                "issue a key").text("/apiKey");
    }

    private static Client.Answer expect(int status, Client.Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private static <T> T await(java.util.function.Supplier<T> attempt, String what) {
        for (int i = 0; i < 150; i++) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);  // set-up only: the catalog's events reach booking-service
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new IllegalStateException("Never ready: " + what);
    }
}
