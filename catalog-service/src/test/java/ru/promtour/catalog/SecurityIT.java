package ru.promtour.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.test.security.ServiceSecurityContract;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own port trusts only a valid internal token: a direct call without one, with bare
 * tenant headers or with a bad token is a 401; a valid operator token gets to the OCTO products, an
 * enterprise's is a 403 in the OCTO shape (the checks themselves: {@link ServiceSecurityContract}); the
 * public catalog needs no token.
 */
class SecurityIT extends ServiceSecurityContract {

    SecurityIT() {
        super("catalog-service", List.of("/octo/products", "/api/v1/excursions"),
                new Call("/octo/products", TestTokens.operator("op-1"), 200),
                new Call("/octo/products", TestTokens.enterprise("ent-1"), 403));
    }

    @Test
    void thePublicCatalogNeedsNoToken() {
        assertThat(http().get("/api/v1/catalog/excursions").status()).isEqualTo(200);
    }

    @Test
    void theProbesAnswerOnTheMainPortWithoutAToken() {
        TestHttp.Response ready = http().get("/readyz");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(http().get("/livez").status()).isEqualTo(200);
    }
}
