package ru.promtour.security.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Describes a service's API at {@code /v3/api-docs} (public, shown by the gateway's Swagger UI at
 * {@code /docs}) and declares that every operation needs a bearer token, so the documented contract
 * matches what the security filter enforces. The server is relative: "try it out" in the gateway's
 * UI goes through the gateway with the user's API key. A service's own {@code OpenAPI} bean wins.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class PlatformOpenApiAutoConfiguration {

    static final String BEARER_AUTH = "bearerAuth";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI platformOpenApi(Environment environment) {
        return new OpenAPI()
            .info(new Info()
                .title("PromTour " + environment.getProperty("spring.application.name", "service"))
                .version("v1")
                .description(environment.getProperty("info.service.description", "")))
            .addServersItem(new Server().url("/").description("through the gateway"))
            .components(new Components().addSecuritySchemes(BEARER_AUTH, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("Your API key. The gateway checks it and forwards the call with its own signed token.")))
            .addSecurityItem(new SecurityRequirement().addList(BEARER_AUTH));
    }
}
