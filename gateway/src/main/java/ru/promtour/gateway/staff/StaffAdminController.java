package ru.promtour.gateway.staff;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.apikey.CatalogEnterprises;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.observability.RequestIds;

/**
 * Admin API for staff accounts ({@code /admin/**}: an ADMIN key or an ADMIN session). An invitation's token appears in
 * exactly one response: the one that makes it. Listings never show a hash or a token.
 */
@RestController
@RequestMapping("/admin/staff")
class StaffAdminController {

    private static final String ID_PATTERN = "^[A-Za-z0-9._:-]+$";

    private final StaffAccounts accounts;
    private final CatalogEnterprises enterprises;
    private final Clock clock;

    StaffAdminController(StaffAccounts accounts, CatalogEnterprises enterprises, Clock clock) {
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    record NewMember(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name,
            @NotNull StaffRole role,
            @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = "may hold letters, digits and . _ : - only") String enterpriseId) {
    }

    record MemberView(String id, String email, String name, StaffRole role, String enterpriseId, StaffStatus status,
                      Instant createdAt, Instant lockedUntil, Instant lastSignInAt) {
        static MemberView of(StaffMember member, Instant now) {
            return new MemberView(member.id(), member.email(), member.name(), member.role(), member.enterpriseId(),
                    member.statusAt(now), member.createdAt(), member.lockedAt(now) ? member.lockedUntil() : null,
                    member.lastSignInAt());
        }
    }

    record InviteView(String id, String email, String name, StaffRole role, String enterpriseId, StaffStatus status,
                      Instant createdAt, String inviteToken, Instant inviteExpiresAt, String invitePath) {
        static InviteView of(StaffAccounts.Invited invited, Instant now) {
            StaffMember member = invited.member();
            return new InviteView(member.id(), member.email(), member.name(), member.role(), member.enterpriseId(),
                    member.statusAt(now), member.createdAt(), invited.token(), member.inviteExpiresAt(),
                    "/console/invite?token=" + invited.token());
        }
    }

    @PostMapping
    Mono<ResponseEntity<InviteView>> invite(@Valid @RequestBody NewMember request, ServerWebExchange exchange) {
        return enterpriseOf(request, exchange)
            .then(Mono.defer(() -> accounts.invite(request.email(), request.name(), request.role(), request.enterpriseId())))
            .map(invited -> ResponseEntity.created(URI.create("/admin/staff/" + invited.member().id()))
                .body(InviteView.of(invited, clock.instant())));
    }

    @GetMapping
    Flux<MemberView> list(@RequestParam(required = false) @Size(max = 64) String enterpriseId) {
        return accounts.list(enterpriseId).map(member -> MemberView.of(member, clock.instant()));
    }

    @PostMapping("/{id}/invite")
    Mono<InviteView> reinvite(@PathVariable String id) {
        return accounts.reinvite(id).map(invited -> InviteView.of(invited, clock.instant()));
    }

    @PostMapping("/{id}/unlock")
    Mono<MemberView> unlock(@PathVariable String id) {
        return accounts.unlock(id).map(member -> MemberView.of(member, clock.instant()));
    }

    @DeleteMapping("/{id}")
    Mono<MemberView> disable(@PathVariable String id) {
        return accounts.disable(id).map(member -> MemberView.of(member, clock.instant()));
    }

    /**
     * An ENTERPRISE member names an enterprise the catalog knows (as ENTERPRISE keys do: 422, or 503 when the catalog
     * cannot tell); an ADMIN member names none.
     */
    private Mono<Void> enterpriseOf(NewMember request, ServerWebExchange exchange) {
        if (request.role() == StaffRole.ADMIN) {
            return request.enterpriseId() == null ? Mono.empty()
                    : Mono.error(StaffProblems.invalidField("enterpriseId", "must be absent for an ADMIN member"));
        }
        if (request.enterpriseId() == null || request.enterpriseId().isBlank()) {
            return Mono.error(StaffProblems.invalidField("enterpriseId", "is required for an ENTERPRISE member"));
        }
        return enterprises.requireRegistered(request.enterpriseId(), "enterpriseId", "no staff member is invited",
                Identity.of(exchange), RequestIds.of(exchange));
    }
}
