package ru.promtour.security.token;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantAuthentication;
import ru.promtour.security.tenant.TenantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantAuthenticationConverterTest {

    private final TenantAuthenticationConverter converter = new TenantAuthenticationConverter();

    @Test
    void theTenantIsThePrincipalAndItsTypeTheOnlyRole() {
        Jwt jwt = jwt("OPERATOR", "op-1").claim("scope", "admin everything").build();

        TenantAuthentication authentication = converter.convert(jwt);

        assertThat(authentication.getPrincipal()).isEqualTo(new Tenant(TenantType.OPERATOR, "op-1", "key-1", "req-1"));
        assertThat(authentication.getName()).isEqualTo("OPERATOR:op-1");
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getToken()).isSameAs(jwt);
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .as("scopes grant nothing").containsExactlyInAnyOrder("ROLE_OPERATOR", "FACTOR_BEARER");
    }

    @Test
    void anOperatorsNameAndEmailComeFromTheirClaimsWhenPresent() {
        Tenant named = (Tenant) converter.convert(jwt("OPERATOR", "op-1").claim("tenant_name", "Байкал-Тур")
                .claim("tenant_email", "booking@baikal-tour.example").build()).getPrincipal();
        assertThat(named.name()).isEqualTo("Байкал-Тур");
        assertThat(named.email()).isEqualTo("booking@baikal-tour.example");
        Tenant plain = (Tenant) converter.convert(jwt("ENTERPRISE", "ent-1").build()).getPrincipal();
        assertThat(plain.name()).isNull();
        assertThat(plain.email()).isNull();
    }

    @Test
    void aTokenWithoutTenantClaimsIsAnInvalidToken() {
        assertThatThrownBy(() -> converter.convert(jwt("ROOT", "x").build()))
            .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt("ADMIN", " ").build()))
            .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt.Builder jwt(String type, String id) {
        return Jwt.withTokenValue("token")
            .header("alg", "ES256")
            .subject(type + ":" + id)
            .claim("tenant_type", type)
            .claim("tenant_id", id)
            .claim("key_id", "key-1")
            .claim("request_id", "req-1");
    }
}
