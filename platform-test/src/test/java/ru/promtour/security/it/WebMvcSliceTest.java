package ru.promtour.security.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A service's {@code @WebMvcTest} slice gets the platform security too, and TestTokens work there. */
@WebMvcTest(TenantEchoController.class)
@Import(TestSecurityConfiguration.class)
class WebMvcSliceTest {

    private final MockMvc mvc;

    WebMvcSliceTest(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void theSliceEnforcesThePlatformRules() throws Exception {
        mvc.perform(get("/octo/products").header("Authorization", TestTokens.bearer(TestTokens.operator("op-1"))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("op-1"));
        mvc.perform(get("/octo/products"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.error").value("UNAUTHORIZED"));
        mvc.perform(get("/admin/x").header("Authorization", TestTokens.bearer(TestTokens.enterprise("ent-1"))))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/catalog/x"))
            .andExpect(status().isOk());
    }
}
