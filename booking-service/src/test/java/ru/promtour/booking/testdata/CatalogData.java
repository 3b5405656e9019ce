package ru.promtour.booking.testdata;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Catalog events as the catalog publishes them, for the booking service's projection (test "mothers"). */
public final class CatalogData {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CatalogData() {
    }

    /**
     * A program: units {@code adult}, {@code child} (7–17) and {@code accompanying-adult} (one free per
     * {@code perChildren} children).
     */
    public record Program(String excursionId, String enterpriseId, String timeZone, String bookingMode,
                          int minUnits, int maxUnits, int bookingCutoffHours, int cancellationCutoffHours,
                          int perChildren, String documents) {

        public static Program instant(String timeZone) {
            return new Program("exc-" + UUID.randomUUID(), "ent-" + UUID.randomUUID(), timeZone, "INSTANT", 1, 40, 2, 24, 10,
                    "NONE");
        }

        public Program onRequest() {
            return new Program(excursionId, enterpriseId, timeZone, "ON_REQUEST", minUnits, maxUnits, bookingCutoffHours,
                    cancellationCutoffHours, perChildren, documents);
        }

        public Program cutoffs(int booking, int cancellation) {
            return new Program(excursionId, enterpriseId, timeZone, bookingMode, minUnits, maxUnits, booking, cancellation,
                    perChildren, documents);
        }

        /** A secure site: passports (children: birth certificates), the list due 3 days before the visit. */
        public Program secure() {
            return new Program(excursionId, enterpriseId, timeZone, bookingMode, minUnits, maxUnits, bookingCutoffHours,
                    cancellationCutoffHours, perChildren, "PASSPORT_AND_BIRTH_CERTIFICATE");
        }

        public String json(long version) {
            return """
                    {"excursionId":"%s","enterpriseId":"%s","version":%d,"occurredAt":"%s","excursion":{
                      "title":{"ru":"Как рождается зефир","en":null},"description":{"ru":"Экскурсия","en":null},
                      "enterprise":{"id":"%s","name":"Фруже","legalName":null,"region":"RU-KLU","city":"Калуга",
                        "address":"ул. Производственная, 1","timeZone":"%s","email":"ex@fruzhe.example","phone":"+74842000000"},
                      "durationMinutes":90,"languages":["ru"],"minAge":7,"bookingMode":"%s","meetingPoint":"Проходная №1",
                      "rules":{"ppe":null,"ppeRequired":false,"dressCode":null,"photoAllowed":true,"documents":"%s",
                        "manifestLeadDays":3,"accessibility":null},
                      "units":[
                        {"id":"adult","type":"ADULT","minAge":18,"maxAge":null,"price":80000,"currency":"RUB","freeAccompanyingPerChildren":null},
                        {"id":"child","type":"CHILD","minAge":7,"maxAge":17,"price":50000,"currency":"RUB","freeAccompanyingPerChildren":null},
                        {"id":"accompanying-adult","type":"ACCOMPANYING_ADULT","minAge":18,"maxAge":null,"price":0,"currency":"RUB","freeAccompanyingPerChildren":%d}],
                      "minUnits":%d,"maxUnits":%d,"bookingCutoffHours":%d,"cancellationCutoffHours":%d}}"""
                    .formatted(excursionId, enterpriseId, version, Instant.now(), enterpriseId, timeZone, bookingMode,
                            documents, perChildren, minUnits, maxUnits, bookingCutoffHours, cancellationCutoffHours);
        }
    }

    /** A slot event body with its cut-off as the catalog computes it; {@code status} OPEN, CLOSED or CANCELLED. */
    public static String slot(String slotId, Program p, Instant start, int capacity, int available, String status,
                              long version, String reason) {
        return """
                {"slotId":"%s","excursionId":"%s","enterpriseId":"%s","start":"%s","timeZone":"%s","localStart":"%s",
                 "cutoffAt":"%s","capacity":%d,"held":0,"confirmed":%d,"available":%d,"status":"%s","version":%d,
                 "occurredAt":"%s"%s}"""
                .formatted(slotId, p.excursionId(), p.enterpriseId(), start, p.timeZone(),
                        LOCAL.format(start.atZone(ZoneId.of(p.timeZone()))),
                        start.minus(Duration.ofHours(p.bookingCutoffHours())), capacity, capacity - available, available,
                        status, version, Instant.now(),
                        reason == null ? "" : ",\"reason\":\"" + reason + "\",\"affectedBookingIds\":[]");
    }

    /** A {@code catalog.SlotChangeRequested.v1} body. */
    public static String changeRequest(String slotId, String requestId, String change, Integer capacity, String reason) {
        return """
                {"slotId":"%s","requestId":"%s","change":"%s","enterpriseId":"ent-test"%s%s,"requestedAt":"%s"}"""
                .formatted(slotId, requestId, change, capacity == null ? "" : ",\"capacity\":" + capacity,
                        reason == null ? "" : ",\"reason\":\"" + reason + "\"", Instant.now());
    }

    /** A reserve body of {@code children} children, {@code accompanying} accompanying adults and {@code adults} adults. */
    public static String reserve(String uuid, Program p, String slotId, int adults, int children, int accompanying) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < adults; i++) {
            items.append("{\"unitId\":\"adult\"},");
        }
        for (int i = 0; i < children; i++) {
            items.append("{\"unitId\":\"child\"},");
        }
        for (int i = 0; i < accompanying; i++) {
            items.append("{\"unitId\":\"accompanying-adult\"},");
        }
        if (!items.isEmpty()) {
            items.setLength(items.length() - 1);
        }
        return """
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[%s]}"""
                .formatted(uuid, p.excursionId(), slotId, items);
    }

    public static final String CONTACT = """
            {"contact":{"fullName":"Иванова Мария Петровна","emailAddress":"m.ivanova@school42.ru",
             "phoneNumber":"+79025551234","locales":["ru"]}}""";
}
