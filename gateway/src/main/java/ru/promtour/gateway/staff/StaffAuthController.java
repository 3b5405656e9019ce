package ru.promtour.gateway.staff;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.auth.EdgeAuthentication;

/**
 * The public side of staff accounts ({@code /auth/**}, no key): accept an invitation, sign in, read and end the
 * current session. The session endpoints read their own bearer, which the edge leaves in place for them alone.
 */
@RestController
@RequestMapping("/auth")
class StaffAuthController {

    private final StaffAccounts accounts;
    private final StaffSignIns signIns;
    private final StaffSessions sessions;

    StaffAuthController(StaffAccounts accounts, StaffSignIns signIns, StaffSessions sessions) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.sessions = sessions;
    }

    record AcceptInvite(@NotBlank @Size(max = 200) String token, @NotNull @Size(min = 10, max = 128) String password) {
    }

    record Activated(String id, String email, String name, StaffRole role, String enterpriseId, StaffStatus status) {
    }

    record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record SessionView(String token, Instant expiresAt, StaffMemberSummary member) {
    }

    record CurrentSession(Instant expiresAt, StaffMemberSummary member) {
    }

    @PostMapping("/invites/accept")
    Mono<Activated> accept(@Valid @RequestBody AcceptInvite request) {
        return accounts.accept(request.token(), request.password())
            .map(member -> new Activated(member.id(), member.email(), member.name(), member.role(), member.enterpriseId(),
                    member.status()));
    }

    @PostMapping("/sessions")
    Mono<ResponseEntity<SessionView>> signIn(@Valid @RequestBody SignIn request) {
        return signIns.signIn(request.email(), request.password())
            .map(opened -> ResponseEntity.created(URI.create("/auth/sessions/current"))
                .body(new SessionView(opened.token(), opened.session().expiresAt(), opened.session().member())));
    }

    @GetMapping("/sessions/current")
    Mono<CurrentSession> current(ServerWebExchange exchange) {
        return sessions.find(EdgeAuthentication.bearer(exchange.getRequest()))
            .map(session -> new CurrentSession(session.expiresAt(), session.member()))
            .switchIfEmpty(Mono.error(StaffProblems::noSession));
    }

    /** Signs out; 204 for an unknown or ended session too, so a repeated sign-out is no error. */
    @DeleteMapping("/sessions/current")
    Mono<ResponseEntity<Void>> signOut(ServerWebExchange exchange) {
        return sessions.close(EdgeAuthentication.bearer(exchange.getRequest()))
            .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
