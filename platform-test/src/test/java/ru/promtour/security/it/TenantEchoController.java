package ru.promtour.security.it;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.logging.LogFields;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;

/** Answers with the caller it sees, on one path of every kind the shared rules know. */
@RestController
class TenantEchoController {

    private final CurrentTenant currentTenant;

    TenantEchoController(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @GetMapping({"/octo/products", "/admin/x", "/api/v1/excursions", "/api/v1/bookings", "/api/v1/manifests",
            "/api/v1/enterprises", "/api/v1/slots", "/api/v1/notifications", "/api/v1/other",
            "/api/v1/excursions/admin-area/x"})
    Map<String, Object> whoAmI(@AuthenticationPrincipal Tenant tenant, HttpServletRequest request) {
        return echo(tenant, request);
    }

    @PostMapping("/api/v1/notifications")
    Map<String, Object> post(@AuthenticationPrincipal Tenant tenant, HttpServletRequest request) {
        return echo(tenant, request);
    }

    /** Reads a query parameter as the OCTO list endpoints do (MalformedRequestIT). */
    @GetMapping("/octo/bookings")
    Map<String, Object> parameter(@RequestParam(required = false) String localDate) {
        return Map.of("localDate", String.valueOf(localDate));
    }

    /** How many bytes of body arrived (the request body limit's tests). */
    @PostMapping({"/api/v1/other/body", "/octo/body"})
    Map<String, Object> body(@RequestBody byte[] body) {
        return Map.of("bytes", body.length);
    }

    @GetMapping("/api/v1/notifications/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> adminOnly(@AuthenticationPrincipal Tenant tenant, HttpServletRequest request) {
        return echo(tenant, request);
    }

    @GetMapping("/api/v1/excursions/of/{enterpriseId}")
    Map<String, Object> excursionsOf(@PathVariable String enterpriseId, HttpServletRequest request) {
        return echo(currentTenant.requireEnterprise(enterpriseId), request);
    }

    @GetMapping("/api/v1/catalog/x")
    Map<String, Object> publicCatalog() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("public", true);
        body.put("subject", currentTenant.find().map(Tenant::subject).orElse(null));
        return body;
    }

    private Map<String, Object> echo(Tenant tenant, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", request.getRequestURI());
        body.put("type", tenant.type().name());
        body.put("id", tenant.id());
        body.put("keyId", tenant.keyId());
        body.put("requestId", tenant.requestId());
        body.put("currentTenantAgrees", currentTenant.get().equals(tenant));
        body.put("loggedTenantId", MDC.get(LogFields.TENANT_ID));
        body.put("loggedRequestId", MDC.get(LogFields.REQUEST_ID));
        return body;
    }
}
