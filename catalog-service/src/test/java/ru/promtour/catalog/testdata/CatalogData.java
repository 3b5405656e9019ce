package ru.promtour.catalog.testdata;

import java.util.UUID;

/** Bodies of the enterprise API ("mothers"); ids are unique per call because broker and store are shared. */
public final class CatalogData {

    /** The example body of issue 4, exactly as written there. */
    public static final String ISSUE_EXCURSION = """
            {"title":"Как рождается зефир","description":"…","durationMinutes":90,"languages":["ru"],"minAge":7,"bookingMode":"INSTANT","meetingPoint":"Проходная №1","rules":{"ppe":"Халат и шапочка выдаются","dressCode":"Закрытая обувь","photoAllowed":false,"documents":"NONE"},"units":[{"type":"ADULT","price":80000},{"type":"CHILD","minAge":7,"maxAge":17,"price":50000}],"minUnits":1,"maxUnits":40,"bookingCutoffHours":2,"cancellationCutoffHours":24}""";

    private CatalogData() {
    }

    public static String uniqueEnterpriseId() {
        return "ent-t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String enterprise(String id, String timeZone) {
        return """
                {"id":"%s","name":"Фруже","legalName":"ООО «Натуральный продукт»","region":"RU-KLU","city":"Калуга",
                 "address":"ул. Производственная, 1","coordinates":{"lat":54.51,"lon":36.26},"industry":"CONFECTIONERY",
                 "timeZone":"%s","description":"Зефир и пастила","contacts":{"phone":"+74842000000","email":"tour@fruzhe.example","website":"https://fruzhe.example"}}
                """.formatted(id, timeZone);
    }
}
