package ru.promtour.catalog.enterprise;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The regional office's register of enterprises: every enterprise to the admin, by name, filtered; nobody else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class EnterpriseListIT {

    @LocalServerPort
    int port;

    Api admin;
    /** A region of this test's own, so enterprises other tests register in the shared store do not count. */
    String region;

    @BeforeEach
    void setUp() {
        admin = new Api("http://localhost:" + port, TestTokens.admin());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        region = "RU-" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }

    private String register(String name, String region) {
        String id = CatalogData.uniqueEnterpriseId();
        String body = CatalogData.enterprise(id, "Europe/Moscow")
                .replace("\"name\":\"Фруже\"", "\"name\":\"" + name + "\"")
                .replace("\"region\":\"RU-KLU\"", "\"region\":\"" + region + "\"");
        TestHttp.Response created = admin.post("/api/v1/enterprises", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    @Test
    void theAdminListsEveryEnterpriseOfARegionByNamePaged() {
        String zefir = register("Зефирная фабрика", region);
        String avto = register("Автозавод", region);
        String elsewhere = register("Автозавод", "RU-KLU");

        TestHttp.Response all = admin.get("/api/v1/enterprises?size=100");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("total").asLong()).isGreaterThanOrEqualTo(3);

        TestHttp.Response regional = admin.get("/api/v1/enterprises?region=" + region);
        assertThat(regional.status()).as(regional.toString()).isEqualTo(200);
        assertThat(regional.json().path("total").asLong()).isEqualTo(2);
        assertThat(regional.json().path("items").valueStream().map(e -> e.path("id").asString()))
                .containsExactly(avto, zefir).doesNotContain(elsewhere);
        assertThat(regional.json().path("items").path(0).path("timeZone").asString()).isEqualTo("Europe/Moscow");

        TestHttp.Response second = admin.get("/api/v1/enterprises?region=" + region + "&status=ACTIVE&page=1&size=1");
        assertThat(second.json().path("items").size()).isEqualTo(1);
        assertThat(second.json().path("items").path(0).path("id").asString()).isEqualTo(zefir);
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/enterprises?region=" + region + "&status=SUSPENDED").json().path("total").asLong())
                .isZero();
    }

    @Test
    void anEnterpriseOrAnOperatorIsRefusedTheRegister() {
        String own = register("Фруже", region);

        assertThat(admin.as(TestTokens.enterprise(own)).get("/api/v1/enterprises").status()).isEqualTo(403);
        assertThat(admin.as(TestTokens.operator("op-1")).get("/api/v1/enterprises").status()).isEqualTo(403);
        assertThat(admin.as(TestTokens.enterprise(own)).get("/api/v1/enterprises/" + own).status())
                .as("its own profile stays readable").isEqualTo(200);
    }

    @Test
    void aBadFilterIs400NamingTheParameter() {
        TestHttp.Response badRegion = admin.get("/api/v1/enterprises?region=Kaluga");
        assertThat(badRegion.status()).as(badRegion.toString()).isEqualTo(400);
        assertThat(badRegion.body()).contains("region");
        TestHttp.Response badStatus = admin.get("/api/v1/enterprises?status=GONE");
        assertThat(badStatus.status()).as(badStatus.toString()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status");
        assertThat(admin.get("/api/v1/enterprises?size=0").status()).isEqualTo(400);
    }
}
