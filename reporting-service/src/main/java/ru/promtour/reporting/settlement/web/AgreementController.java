package ru.promtour.reporting.settlement.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.reporting.settlement.Agreement;
import ru.promtour.reporting.settlement.Agreements;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

/**
 * Agreements: an enterprise sets its own, the admin any; an operator reads its own. Never edited: a newer
 * {@code effectiveFrom} supersedes an agreement, and one may be deleted only before it takes effect.
 */
@RestController
@RequestMapping("/api/v1/agreements")
class AgreementController {

    private final Agreements agreements;
    private final CurrentTenant tenant;

    AgreementController(Agreements agreements, CurrentTenant tenant) {
        this.agreements = agreements;
        this.tenant = tenant;
    }

    /** 201 with the agreement; 403 for an operator or another enterprise; 409 when it would start in a closed month. */
    @PostMapping
    ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementRequest request) {
        Tenant caller = tenant.get();
        if (!caller.isAdmin() && !caller.isEnterprise(request.enterpriseId())) {
            throw Problems.forbidden("Only the enterprise itself or the admin sets an enterprise's agreements");
        }
        Agreement agreement = agreements.create(request.terms(), caller.subject());
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.id()))
                .body(AgreementView.of(agreement));
    }

    /** The caller's agreements (the admin's: all, optionally of one operator and/or enterprise). */
    @GetMapping
    List<AgreementView> list(
            @RequestParam(required = false) @PlatformId String operatorId,
            @RequestParam(required = false) @PlatformId String enterpriseId) {
        Tenant caller = tenant.get();
        if (caller.type() == TenantType.OPERATOR) {
            if (operatorId != null && !caller.isOperator(operatorId)) {
                throw Problems.forbidden("An operator sees its own agreements only");
            }
            operatorId = caller.id();
        }
        else if (caller.type() == TenantType.ENTERPRISE) {
            if (enterpriseId != null && !caller.isEnterprise(enterpriseId)) {
                throw Problems.forbidden("An enterprise sees its own agreements only");
            }
            enterpriseId = caller.id();
        }
        return agreements.find(operatorId, enterpriseId).stream().map(AgreementView::of).toList();
    }

    /** One agreement of the caller's (its operator, its enterprise, the admin); anyone else: 404, as if unknown. */
    @GetMapping("/{id}")
    AgreementView get(@PathVariable @PlatformId String id) {
        Tenant caller = tenant.get();
        return agreements.get(id)
                .filter(a -> caller.canAccessEnterprise(a.enterpriseId()) || caller.isOperator(a.operatorId()))
                .map(AgreementView::of).orElseThrow(() -> Problems.notFound("No agreement " + id));
    }

    /** 204; 404 for an agreement the caller does not own; 409 once it is in force. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable @PlatformId String id) {
        Tenant caller = tenant.get();
        if (caller.type() == TenantType.OPERATOR) {
            throw Problems.forbidden("Agreements are set by the enterprise or the admin");
        }
        Agreement agreement = agreements.get(id).filter(a -> caller.canAccessEnterprise(a.enterpriseId()))
                .orElseThrow(() -> Problems.notFound("No agreement " + id));
        agreements.delete(agreement);
        return ResponseEntity.noContent().build();
    }
}
