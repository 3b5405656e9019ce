package ru.promtour.catalog.testdata;

import java.time.LocalDate;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new enterprise (Moscow) with one program, through the API, and slots of that program on successive days
 * from a month ahead: each test gets its own, because broker and store are shared.
 */
public final class Program {

    private final Api owner;
    private final String excursionId;
    private int nextDay = 30;

    private Program(Api owner, String excursionId) {
        this.owner = owner;
        this.excursionId = excursionId;
    }

    public static Program create(int port) {
        Api owner = Api.newEnterprise("http://localhost:" + port, "Europe/Moscow");
        return new Program(owner, owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id"));
    }

    /** The enterprise's client. */
    public Api owner() {
        return owner;
    }

    public String excursionId() {
        return excursionId;
    }

    /** A new slot at 10:00 local on the next free day; returns its id. */
    public String slot(int capacity) {
        TestHttp.Response created = owner.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%sT10:00\",\"capacity\":%d}".formatted(LocalDate.now().plusDays(nextDay++), capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
