package ru.promtour.web.console;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** The catalog's, booking's and notification service's answers as the gateway passes them on, for the console's tests. */
final class ConsoleFixtures {

    static final String ENTERPRISE = "ent-fruzhe";
    static final String PROGRAM = "exc-zefir";
    static final String SLOT = "slot-1";

    private ConsoleFixtures() {
    }

    static String program(String status) {
        return """
            {"id":"exc-zefir","enterpriseId":"ent-fruzhe","status":"%s","version":1,"title":"Зефирная фабрика",
             "titleEn":"Marshmallow factory","description":"Как делают зефир","descriptionEn":"How it is made",
             "durationMinutes":90,"languages":["ru"],"minAge":7,"bookingMode":"ON_REQUEST","meetingPoint":"Проходная",
             "rules":{"ppe":"Халат","ppeRequired":true,"dressCode":null,"photoAllowed":false,"documents":"PASSPORT",
                      "manifestLeadDays":2,"accessibility":"Пандус"},
             "units":[{"id":"adult","type":"ADULT","minAge":null,"maxAge":null,"price":90000,"freeAccompanyingPerChildren":null},
                      {"id":"child","type":"CHILD","minAge":7,"maxAge":17,"price":50050,"freeAccompanyingPerChildren":null},
                      {"id":"escort","type":"ACCOMPANYING_ADULT","minAge":18,"maxAge":null,"price":0,"freeAccompanyingPerChildren":10}],
             "minUnits":5,"maxUnits":30,"bookingCutoffHours":24,"cancellationCutoffHours":48,
             "availabilityType":"START_TIME","openingHours":null,"createdAt":"2026-12-01T08:00:00Z",
             "updatedAt":"2026-12-01T08:00:00Z","publishedAt":null}""".formatted(status);
    }

    static String programsPage() {
        return "{\"items\":[" + program("PUBLISHED") + "],\"page\":0,\"size\":100,\"total\":1}";
    }

    static String slot(String status, int capacity, int held, int confirmed) {
        return """
            {"id":"slot-1","excursionId":"exc-zefir","enterpriseId":"ent-fruzhe","start":"2026-12-10T10:00:00+03:00",
             "utcStart":"2026-12-10T07:00:00Z","timeZone":"Europe/Moscow","capacity":%d,"held":%d,"confirmed":%d,
             "available":%d,"status":"%s","cancelReason":null,"allDay":false,"openingHours":null}"""
            .formatted(capacity, held, confirmed, capacity - held - confirmed, status);
    }

    static String booking(String id, String status, boolean awaitingApproval, int units) {
        return """
            {"id":"%s","supplierReference":"PT-%s","resellerReference":"R-1","status":"%s","awaitingApproval":%s,
             "operatorId":"op-volga","productId":"exc-zefir","slotId":"slot-1","start":"2026-12-10T07:00:00Z",
             "timeZone":"Europe/Moscow","units":%d,"unitItems":[{"unitId":"adult","type":"ADULT","quantity":%d}],
             "contact":{"fullName":"Мария Иванова","emailAddress":"maria@school42.example","phoneNumber":"+79021231234"},
             "notes":null,"utcCreatedAt":"2026-12-01T09:00:00Z","utcConfirmedAt":null,"declineReason":null,
             "cancellation":null,"noShow":null}""".formatted(id, id.toUpperCase(), status, awaitingApproval, units, units);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

    static MappingBuilder getPath(String path) {
        return WireMock.get(WireMock.urlPathEqualTo(path));
    }
}
