package ru.promtour.gateway.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import ru.promtour.gateway.apikey.TenantType;

import static ru.promtour.gateway.apikey.TenantType.ADMIN;
import static ru.promtour.gateway.apikey.TenantType.ENTERPRISE;
import static ru.promtour.gateway.apikey.TenantType.OPERATOR;

/**
 * Who may call what (docs/architecture.md): the first rule matching method and path decides.
 * Paths no rule names are not the gateway's to guard; routing answers them (usually 404).
 * The services check the same roles again on their side.
 */
@Component
public class AccessPolicy {

    /** What a path requires. */
    public sealed interface Access permits Public, OwnCredentials, Unguarded, Tenants, Recognised {
    }

    /** Open to anyone; any credentials sent are dropped. */
    public record Public() implements Access {
    }

    /**
     * Open to anyone and answered by the gateway itself, which reads the bearer sent as its own business (the current
     * staff session): it is kept for that endpoint, never checked here, never forwarded anywhere.
     */
    public record OwnCredentials() implements Access {
    }

    /** Not a guarded path. */
    public record Unguarded() implements Access {
    }

    /** A valid key of one of these tenant types. */
    public record Tenants(Set<TenantType> allowed) implements Access {
    }

    /**
     * Open to anyone, answered by the gateway itself; a key, when sent, must be valid, and a caller of these
     * tenant types is recognised (sees more, e.g. the health components).
     */
    public record Recognised(Set<TenantType> recognised) implements Access {
    }

    private record Rule(HttpMethod method, PathPattern pattern, Access access) {
        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<Rule> rules = List.of(
            rule(null, "/api/v1/catalog/**", new Public()),
            // staff sign in, accept invitations and sign out here (ADR 0008): no key; the session endpoint reads its token
            rule(null, "/auth/sessions/current", new OwnCredentials()),
            rule(null, "/auth/**", new Public()),
            // the web module's pages (routed to it): it guards the console itself; any Authorization sent is dropped
            rule(null, "/", new Unguarded()),
            rule(null, "/guide/**", new Unguarded()),
            rule(null, "/console/**", new Unguarded()),
            rule(null, "/assets/**", new Unguarded()),
            // status UP/DOWN for every probe; the components (what the platform runs on) only for the admin
            rule(null, "/actuator/health/**", new Recognised(EnumSet.of(ADMIN))),
            rule(null, "/actuator/prometheus/**", tenants(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/enterprises", tenants(ADMIN)),
            rule(null, "/api/v1/enterprises/**", tenants(ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/excursions/**", tenants(ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/slots/**", tenants(ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/bookings/**", tenants(ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/manifests/**", tenants(ENTERPRISE, ADMIN)),
            // routes: the admin (regional office) or an operator composes them; an enterprise reads those with its programs
            rule(HttpMethod.GET, "/api/v1/routes/**", tenants(OPERATOR, ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/routes/**", tenants(OPERATOR, ADMIN)),
            // allocations: an enterprise grants them, the admin sees all, an operator lists what it was given
            rule(null, "/api/v1/allocations/**", tenants(OPERATOR, ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/notifications/**", tenants(OPERATOR, ENTERPRISE, ADMIN)),
            // issue 18: analytics for the regional office and each enterprise; the projection's handle for the admin
            rule(null, "/api/v1/analytics/**", tenants(ENTERPRISE, ADMIN)),
            rule(null, "/api/v1/reporting/**", tenants(ADMIN)),
            rule(null, "/api/v1/**", tenants(OPERATOR, ENTERPRISE, ADMIN)),
            rule(null, "/octo/**", tenants(OPERATOR)),
            // also /admin/staff/**: staff accounts are the admin's (a key or an ADMIN session)
            rule(null, "/admin/**", tenants(ADMIN)));

    public Access accessFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream()
            .filter(rule -> rule.matches(method, container))
            .map(Rule::access)
            .findFirst()
            .orElse(new Unguarded());
    }

    private static Rule rule(HttpMethod method, String pattern, Access access) {
        return new Rule(method, PARSER.parse(pattern), access);
    }

    private static Tenants tenants(TenantType first, TenantType... rest) {
        return new Tenants(EnumSet.of(first, rest));
    }
}
