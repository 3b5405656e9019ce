package ru.promtour.reporting.settlement.web;

import java.time.YearMonth;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.reporting.csv.CsvTable;
import ru.promtour.reporting.settlement.Party;
import ru.promtour.reporting.settlement.Settlement;
import ru.promtour.reporting.settlement.Statement;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

/**
 * Monthly statements: an operator's and an enterprise's own; the admin names exactly one party. The same statement as
 * JSON or, for {@code Accept: text/csv}, as a spreadsheet. Closing a month is the admin's (path rule).
 */
@RestController
@RequestMapping("/api/v1/statements")
class StatementController {

    private final Settlement settlement;
    private final CurrentTenant tenant;

    StatementController(Settlement settlement, CurrentTenant tenant) {
        this.settlement = settlement;
        this.tenant = tenant;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Statement statement(
            @RequestParam @Month String month,
            @RequestParam(required = false) @PlatformId String operatorId,
            @RequestParam(required = false) @PlatformId String enterpriseId) {
        return settlement.statement(YearMonth.parse(month), party(operatorId, enterpriseId));
    }

    @GetMapping(produces = "text/csv")
    CsvTable csv(
            @RequestParam @Month String month,
            @RequestParam(required = false) @PlatformId String operatorId,
            @RequestParam(required = false) @PlatformId String enterpriseId) {
        return StatementCsv.of(statement(month, operatorId, enterpriseId));
    }

    /** Freezes every party's lines of an ended month; 409 while it has not ended everywhere or once closed. */
    @PostMapping("/close")
    Settlement.Closed close(
            @RequestParam @Month String month) {
        Tenant caller = tenant.get();
        if (!caller.isAdmin()) {
            throw Problems.forbidden("Only the admin closes a month");
        }
        return settlement.close(YearMonth.parse(month), caller.subject());
    }

    private Party party(String operatorId, String enterpriseId) {
        Tenant caller = tenant.get();
        if (caller.isAdmin()) {
            if ((operatorId == null) == (enterpriseId == null)) {
                throw Problems.badRequest("The admin names exactly one party: operatorId= or enterpriseId=");
            }
            return operatorId != null ? Party.operator(operatorId) : Party.enterprise(enterpriseId);
        }
        if (caller.type() == TenantType.OPERATOR) {
            if (enterpriseId != null || operatorId != null && !caller.isOperator(operatorId)) {
                throw Problems.forbidden("An operator sees its own statements only");
            }
            return Party.operator(caller.id());
        }
        if (enterpriseId != null && !caller.isEnterprise(enterpriseId) || operatorId != null) {
            throw Problems.forbidden("An enterprise sees its own statements only");
        }
        return Party.enterprise(caller.id());
    }
}
