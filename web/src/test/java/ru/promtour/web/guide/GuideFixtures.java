package ru.promtour.web.guide;

import java.time.LocalDate;

/**
 * The public catalog's answers as the gateway sends them (catalog-service README, "Public catalog"), for WireMock:
 * a search page with one Irkutsk programme and the detail of that programme with slots relative to its local today.
 */
final class GuideFixtures {

    static final String IRKUTSK = "Asia/Irkutsk";

    private GuideFixtures() {
    }

    static String facets() {
        return """
                {"regions":[{"code":"RU-KLU","count":3},{"code":"RU-IRK","count":2}],
                 "industries":[{"code":"CONFECTIONERY","count":2},{"code":"HYDROPOWER","count":1}],
                 "languages":[{"code":"ru","count":5},{"code":"en","count":2}]}
                """;
    }

    /** One page holding the dam programme, its next slot on {@code day} at 10:00 Irkutsk time. */
    static String searchPage(LocalDate day, int page, int size, long total) {
        return """
                {"items":[{"id":"exc-dam","title":{"ru":"Плотина Иркутской ГЭС","en":"The Irkutsk dam"},
                  "enterprise":{"id":"ent-dam","name":"Иркутская ГЭС","region":"RU-IRK","city":"Иркутск",
                    "address":"ул. Плотина, 1","coordinates":{"lat":52.2,"lon":104.3},"industry":"SPACE_YARDS",
                    "timeZone":"Asia/Irkutsk"},
                  "durationMinutes":120,"languages":["ru","en"],"minAge":14,"bookingMode":"ON_REQUEST",
                  "availabilityType":"START_TIME","priceFrom":{"amount":90050,"currency":"RUB"},
                  "nextSlots":[{"id":"slot-1","start":"%sT10:00:00+08:00","timeZone":"Asia/Irkutsk","available":12,
                    "allDay":false,"openingHours":[]}],
                  "rules":{"ppe":"Каски выдаются","ppeRequired":true,"dressCode":"Закрытая обувь","photoAllowed":false,
                    "documents":"PASSPORT","manifestLeadDays":3,"accessibility":null}}],
                 "page":%d,"size":%d,"total":%d}
                """.formatted(day, page, size, total);
    }

    static String emptyPage() {
        return """
                {"items":[],"page":0,"size":20,"total":0}
                """;
    }

    /** The dam's detail: an available slot on today+2, a sold-out one on today+5, a closed one on today+6. */
    static String program(LocalDate today) {
        return """
                {"id":"exc-dam","title":{"ru":"Плотина Иркутской ГЭС","en":"The Irkutsk dam"},
                 "description":{"ru":"Как работает ГЭС.","en":"How a hydropower plant works."},
                 "enterprise":{"id":"ent-dam","name":"Иркутская ГЭС","region":"RU-IRK","city":"Иркутск",
                   "address":"ул. Плотина, 1","coordinates":{"lat":52.2,"lon":104.3},"industry":"HYDROPOWER",
                   "timeZone":"Asia/Irkutsk","description":"ГЭС","contacts":{"phone":"+73952000000","email":"dam@example.org","website":null}},
                 "durationMinutes":120,"languages":["ru"],"minAge":14,"bookingMode":"ON_REQUEST",
                 "availabilityType":"START_TIME","meetingPoint":"Проходная №2",
                 "rules":{"ppe":"Каски выдаются","ppeRequired":true,"dressCode":"Закрытая обувь","photoAllowed":false,
                   "documents":"PASSPORT","manifestLeadDays":3,"accessibility":"Лестницы"},
                 "units":[{"id":"adult","type":"ADULT","minAge":18,"maxAge":null,"price":{"amount":100000,"currency":"RUB"},
                           "freeAccompanyingPerChildren":null},
                          {"id":"student","type":"STUDENT","minAge":14,"maxAge":25,"price":{"amount":60050,"currency":"RUB"},
                           "freeAccompanyingPerChildren":null}],
                 "minUnits":1,"maxUnits":30,"bookingCutoffHours":240,"cancellationCutoffHours":48,
                 "priceFrom":{"amount":60050,"currency":"RUB"},
                 "availability":[
                   {"id":"s1","start":"%sT10:00:00+08:00","timeZone":"Asia/Irkutsk","available":12,"status":"AVAILABLE","allDay":false,"openingHours":[]},
                   {"id":"s2","start":"%sT14:30:00+08:00","timeZone":"Asia/Irkutsk","available":0,"status":"SOLD_OUT","allDay":false,"openingHours":[]},
                   {"id":"s3","start":"%sT09:00:00+08:00","timeZone":"Asia/Irkutsk","available":20,"status":"CLOSED","allDay":false,"openingHours":[]}]}
                """.formatted(today.plusDays(2), today.plusDays(5), today.plusDays(6));
    }
}
