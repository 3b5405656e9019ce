package ru.promtour.catalog.testdata;

import java.util.Arrays;
import java.util.stream.Collectors;

import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Route bodies and published programs to build them from ("mothers"). */
public final class RouteData {

    private RouteData() {
    }

    /** A route of the Kaluga region over these legs ({@link #leg}). */
    public static String route(String title, String... legs) {
        return """
                {"title":"%s","region":"RU-KLU","legs":[%s]}""".formatted(title, String.join(",", legs));
    }

    public static String leg(String excursionId, String earliest, String latest, int transferMinutes) {
        return """
                {"excursionId":"%s","earliestLocalTime":"%s","latestLocalTime":"%s","transferMinutes":%d}"""
                .formatted(excursionId, earliest, latest, transferMinutes);
    }

    /** {@code n} legs over these programs, 09:00-23:00, no transfer (for counting rules). */
    public static String legs(String... excursionIds) {
        return Arrays.stream(excursionIds).map(id -> leg(id, "09:00", "23:00", 0)).collect(Collectors.joining(","));
    }

    /** The issue's program (90 min, adult and child units), published by {@code enterprise}; returns its id. */
    public static String publishedProgram(Api enterprise) {
        String id = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        TestHttp.Response published = enterprise.post("/api/v1/excursions/" + id + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }
}
