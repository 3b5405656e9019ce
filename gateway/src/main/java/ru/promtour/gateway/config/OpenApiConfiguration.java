package ru.promtour.gateway.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own API (admin) for the Swagger UI at {@code /docs}, with the Bearer scheme so a user
 * can authorize once with their API key and try calls.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
            .info(new Info().title("PromTour gateway — admin API").version("v1")
                .description("Operators, API keys and staff accounts; staff sign-in and sessions (/auth). "
                    + "Every other API is listed in the selector above."))
            .addServersItem(new Server().url("/"))
            .components(new Components().addSecuritySchemes("bearerAuth", new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").description("Your API key, or a staff session token (pts_…)")))
            .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }
}
