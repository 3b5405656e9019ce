package ru.promtour.gateway.auth;

import java.util.EnumSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import ru.promtour.gateway.apikey.TenantType;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules ADR 0008 added: the staff endpoints, the web module's pages, the staff admin API. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "POST,   /auth/sessions,          Public",
        "POST,   /auth/invites/accept,    Public",
        "GET,    /auth/sessions/current,  OwnCredentials",
        "DELETE, /auth/sessions/current,  OwnCredentials",
        "GET,    /,                       Unguarded",
        "GET,    /guide,                  Unguarded",
        "GET,    /guide/kaluga/zavod-1,   Unguarded",
        "GET,    /console,                Unguarded",
        "POST,   /console/login,          Unguarded",
        "GET,    /assets/app.css,         Unguarded",
        "GET,    /admin/staff,            Tenants",
        "POST,   /admin/staff/stf-1/unlock, Tenants",
    })
    void staffAndWebPathsHaveTheirAccess(String method, String path, String access) {
        assertThat(policy.accessFor(HttpMethod.valueOf(method), path).getClass().getSimpleName()).isEqualTo(access);
    }

    @ParameterizedTest
    @CsvSource({"/admin/staff", "/admin/staff/stf-1"})
    void staffAccountsAreTheAdminsAlone(String path) {
        assertThat(policy.accessFor(HttpMethod.GET, path)).isEqualTo(new AccessPolicy.Tenants(EnumSet.of(TenantType.ADMIN)));
    }
}
