package ru.promtour.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.apikey.ApiKeys;
import ru.promtour.gateway.apikey.TenantType;
import ru.promtour.gateway.identity.InternalTokens;
import ru.promtour.gateway.observability.RequestIds;
import ru.promtour.gateway.ratelimit.EdgeRateLimits;
import ru.promtour.gateway.staff.StaffSessions;
import ru.promtour.gateway.web.ErrorResponses;

/**
 * Authentication at the edge. For a guarded path: the {@code Authorization: Bearer <API key>} is
 * resolved to a tenant (the bootstrap admin key from configuration, an issued key by its hash, or a staff member's
 * {@code pts_} session token like a key: {@link StaffSessions}),
 * checked against the {@link AccessPolicy}, and — for a request the gateway forwards — replaced by the
 * caller's internal token (signed at most {@code token-reuse} ago). Identity headers a client sends are always removed, so nothing but
 * the gateway's signature can tell a service who is calling. On {@code /actuator/health} a key is optional; an admin's
 * is recognised (the health components are shown to it alone). Failed authentications and the admin API are rate
 * limited ({@link EdgeRateLimits}).
 */
@Component
public class EdgeAuthentication implements WebFilter, Ordered {

    /** Header names a client might use to pose as someone; never forwarded. */
    static final List<String> IDENTITY_HEADERS = List.of("X-Tenant-Type", "X-Tenant-Id", "X-Api-Key-Id", "X-Internal-Identity");

    /** Runs right after the request id is settled. */
    public static final int ORDER = RequestIds.ORDER + 1;

    private final AccessPolicy policy;
    private final ApiKeys keys;
    private final InternalTokens tokens;
    private final ErrorResponses errors;
    private final AdminKey adminKey;
    private final EdgeRateLimits limits;
    private final StaffSessions sessions;

    public EdgeAuthentication(AccessPolicy policy, ApiKeys keys, InternalTokens tokens, ErrorResponses errors,
                              AdminKey adminKey, EdgeRateLimits limits, StaffSessions sessions) {
        this.policy = policy;
        this.keys = keys;
        this.tokens = tokens;
        this.errors = errors;
        this.adminKey = adminKey;
        this.limits = limits;
        this.sessions = sessions;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        AccessPolicy.Access access = policy.accessFor(request.getMethod(), request.getPath().value());
        if (access instanceof AccessPolicy.Unguarded) {
            return chain.filter(withoutIdentityHeaders(exchange, true));
        }
        if (access instanceof AccessPolicy.Public) {
            return chain.filter(withoutIdentityHeaders(exchange, true));
        }
        if (access instanceof AccessPolicy.OwnCredentials) {
            return chain.filter(withoutIdentityHeaders(exchange, false));
        }
        String presented = bearer(request);
        if (access instanceof AccessPolicy.Recognised recognised) {
            if (presented == null) {
                return chain.filter(withoutIdentityHeaders(exchange, true));
            }
            return withKey(exchange, presented, identity -> recognised.recognised().contains(identity.tenantType())
                    ? recognisedAs(exchange, chain, identity)
                    : chain.filter(withoutIdentityHeaders(exchange, true)));
        }
        AccessPolicy.Tenants tenants = (AccessPolicy.Tenants) access;
        return withKey(exchange, presented, identity -> authenticated(exchange, chain, tenants, identity));
    }

    /** The caller behind the presented key, or the refusal: missing, unknown or revoked, or too many failures. */
    private Mono<Void> withKey(ServerWebExchange exchange, String presented, Function<Identity, Mono<Void>> then) {
        long blocked = limits.blockedSeconds(exchange);
        if (blocked > 0) {
            return tooManyFailures(exchange, blocked);
        }
        if (presented == null) {
            return unauthenticated(exchange, HttpStatus.UNAUTHORIZED, "No API key: send it as 'Authorization: Bearer <key>'");
        }
        return resolve(presented)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(identity -> identity.isPresent() ? then.apply(identity.get())
                    : unauthenticated(exchange, HttpStatus.FORBIDDEN, StaffSessions.isSessionToken(presented)
                        ? StaffSessions.ENDED : "The API key is not valid or has been revoked"));
    }

    /**
     * A recognised caller of an endpoint the gateway answers itself, known to it as a Spring Security
     * authentication with the role of its tenant type (what the actuator's {@code show-details: when-authorized}
     * and {@code roles: ADMIN} read).
     */
    private Mono<Void> recognisedAs(ServerWebExchange exchange, WebFilterChain chain, Identity identity) {
        exchange.getAttributes().put(Identity.ATTRIBUTE, identity);
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                identity.tenantType() + ":" + identity.tenantId(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + identity.tenantType().name()));
        return chain.filter(withoutIdentityHeaders(exchange, true))
            .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
    }

    private Mono<Void> authenticated(ServerWebExchange exchange, WebFilterChain chain, AccessPolicy.Tenants tenants,
                                     Identity identity) {
        ServerHttpRequest request = exchange.getRequest();
        if (!tenants.allowed().contains(identity.tenantType())) {
            return errors.write(exchange, HttpStatus.FORBIDDEN,
                    "A " + identity.tenantType() + " key may not call " + request.getMethod() + " " + request.getPath().value());
        }
        exchange.getAttributes().put(Identity.ATTRIBUTE, identity);
        if (!isAdminApi(exchange)) {
            return chain.filter(forwardAs(exchange, identity));
        }
        return limits.adminCall(identity.keyId()).flatMap(retryAfter -> retryAfter == 0
                ? chain.filter(forwardAs(exchange, identity))
                : errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many calls to the admin API with this key; retry after " + retryAfter + " s",
                        retryAfterHeader(retryAfter)));
    }

    /** The bootstrap admin key, a staff session ({@code pts_}, ADR 0008) or an issued API key. */
    private Mono<Identity> resolve(String presented) {
        if (adminKey.matches(presented)) {
            return Mono.just(new Identity(TenantType.ADMIN, "admin", "bootstrap-admin"));
        }
        if (StaffSessions.isSessionToken(presented)) {
            return sessions.authenticate(presented);
        }
        return keys.authenticate(presented).map(key -> new Identity(key.tenantType(), key.tenantId(), key.id(),
                key.tenantName(), key.tenantEmail()));
    }

    /**
     * OCTO's two codes as its spec words them: no key is 401 UNAUTHORIZED ("you didn't send the API Key"), an
     * unknown or revoked one 403 FORBIDDEN ("an API Key that was invalid or has been revoked"); the rest of the API
     * answers 401 for both. Each such answer counts against the client's address; one too many is 429 instead, and
     * the address is refused for the Retry-After.
     *
     * @param octoStatus the status on {@code /octo/**}
     */
    private Mono<Void> unauthenticated(ServerWebExchange exchange, HttpStatus octoStatus, String detail) {
        return limits.failedAuthentication(exchange).flatMap(retryAfter -> retryAfter == 0
                ? errors.write(exchange, ErrorResponses.isOcto(exchange) ? octoStatus : HttpStatus.UNAUTHORIZED, detail)
                : tooManyFailures(exchange, retryAfter));
    }

    private Mono<Void> tooManyFailures(ServerWebExchange exchange, long retryAfter) {
        return errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed authentications from this address; retry after " + retryAfter + " s",
                retryAfterHeader(retryAfter));
    }

    private static Map<String, String> retryAfterHeader(long seconds) {
        return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static boolean isAdminApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    /**
     * An authenticated call goes on with the internal token in place of the API key, whoever answers it: a route
     * (including admin paths a service answers, such as {@code /admin/webhooks/**}) needs the token and must never see
     * the key, and the gateway's own admin endpoints read the caller from {@link Identity#ATTRIBUTE}, not the header.
     * Only the gateway's actuator keeps the request as it came.
     */
    private ServerWebExchange forwardAs(ServerWebExchange exchange, Identity identity) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return withoutIdentityHeaders(exchange, false); // answered by the gateway itself
        }
        String token = tokens.tokenFor(identity);
        return exchange.mutate().request(r -> r.headers(h -> {
            IDENTITY_HEADERS.forEach(h::remove);
            h.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        })).build();
    }

    private static ServerWebExchange withoutIdentityHeaders(ServerWebExchange exchange, boolean dropAuthorization) {
        return exchange.mutate().request(r -> r.headers(h -> {
            IDENTITY_HEADERS.forEach(h::remove);
            if (dropAuthorization) {
                h.remove(HttpHeaders.AUTHORIZATION);
            }
        })).build();
    }

    /** The bearer credential of the request, or null when there is none. */
    public static String bearer(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).strip();
        return value.isEmpty() ? null : value;
    }
}
