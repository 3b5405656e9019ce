package ru.promtour.security.it;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The function-level rules as a table: every path × every caller → the exact status. Written out by
 * hand from the design's route table, not derived from the code under test.
 */
class AccessMatrixIT extends SecuredAppSupport {

    private static final String[] CALLERS = {"nobody", "OPERATOR", "ENTERPRISE", "ADMIN"};

    /** path, then the expected status for: nobody, operator, enterprise, admin. */
    private static final Object[][] MATRIX = {
        {"/octo/products",                    401, 200, 403, 403},
        {"/admin/x",                          401, 403, 403, 200},
        {"/api/v1/excursions",                401, 403, 200, 200},
        {"/api/v1/bookings",                  401, 403, 200, 200},
        {"/api/v1/manifests",                 401, 403, 200, 200},
        {"/api/v1/enterprises",               401, 403, 200, 200},
        {"/api/v1/slots",                     401, 403, 200, 200},
        {"/api/v1/notifications",             401, 200, 200, 200},
        {"/api/v1/notifications/admin-only",  401, 403, 403, 200},
        {"/api/v1/other",                     401, 200, 200, 200},
        {"/api/v1/excursions/admin-area/x",   401, 403, 403, 200}, // the test app's own customizer
        {"/api/v1/catalog/x",                 200, 200, 200, 200},
        {"/actuator/health",                  200, 200, 200, 200},
    };

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] row : MATRIX) {
            for (int i = 0; i < CALLERS.length; i++) {
                cases.add(arguments(row[0], CALLERS[i], row[i + 1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} GET {0} -> {2}")
    @MethodSource("cases")
    void eachCallerGetsExactlyTheStatusTheRulesSay(String path, String caller, int expected) {
        TestHttp.Response response = switch (caller) {
            case "nobody" -> http().get(path);
            case "OPERATOR" -> http().get(path, "Authorization", TestTokens.bearer(TestTokens.operator("op-1")));
            case "ENTERPRISE" -> http().get(path, "Authorization", TestTokens.bearer(TestTokens.enterprise("ent-1")));
            case "ADMIN" -> http().get(path, "Authorization", TestTokens.bearer(TestTokens.admin()));
            default -> throw new IllegalArgumentException(caller);
        };

        assertThat(response.status()).as("%s GET %s: %s", caller, path, response.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(response.contentType()).startsWith(
                    path.startsWith("/octo/") ? "application/json" : "application/problem+json");
        }
    }
}
