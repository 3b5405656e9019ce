package ru.promtour.gateway.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.apikey.TenantType;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.config.EdgeSecurityProperties;

/**
 * Opens, resolves and closes staff sessions. A {@code pts_} token resolves like an API key: to the member's tenant
 * ({@code ENTERPRISE:<enterpriseId>} or the admin), with {@code session:<memberId>} as the key id, for as long as the
 * session has not expired and the member is ACTIVE.
 * <p>
 * Resolved sessions are cached by token hash for the API key cache's ttl ({@code platform.security.api-key-cache},
 * 4 s) for the same reason as keys: no store read on every console call. A sign-out or a disabled member is
 * forgotten on this instance at once, on another within that ttl; unknown tokens are never cached.
 */
@Service
public class StaffSessions {

    /** Why a session token is refused: unknown, expired, signed out, or its member disabled (one answer for all). */
    public static final String ENDED = "The session is not valid or has expired; sign in again";

    private final StaffSessionRepository sessions;
    private final StaffMemberRepository members;
    private final StaffProperties properties;
    private final Clock clock;
    private final AsyncCache<String, ActiveSession> byHash;

    StaffSessions(StaffSessionRepository sessions, StaffMemberRepository members, StaffProperties properties,
                  EdgeSecurityProperties security, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
        this.byHash = Caffeine.newBuilder()
            .maximumSize(security.apiKeyCache().maxSize())
            .expireAfterWrite(security.apiKeyCache().ttl())
            .buildAsync();
    }

    /** A live session: until when, and whose. */
    public record ActiveSession(Instant expiresAt, StaffMemberSummary member) {

        /** The caller this session stands for, as an API key of the member's tenant would. */
        public Identity identity() {
            String keyId = "session:" + member.id();
            return member.role() == StaffRole.ADMIN
                    ? new Identity(TenantType.ADMIN, "admin", keyId, member.name(), member.email())
                    : new Identity(TenantType.ENTERPRISE, member.enterpriseId(), keyId, member.name(), member.email());
        }
    }

    /** A session just opened: its token exists nowhere else. */
    record Opened(String token, ActiveSession session) {
    }

    Mono<Opened> open(StaffMember member) {
        String token = StaffTokens.newToken(StaffTokens.SESSION_PREFIX);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StaffSession session = new StaffSession("ses-" + UUID.randomUUID(), StaffTokens.hash(token), member.id(), now,
                now.plus(properties.sessionTtl()));
        return sessions.insert(session)
            .map(saved -> new Opened(token, new ActiveSession(saved.expiresAt(), StaffMemberSummary.of(member))));
    }

    /** The caller behind a session token, or empty when it is unknown, expired, signed out or its member disabled. */
    public Mono<Identity> authenticate(String presented) {
        return find(presented).map(ActiveSession::identity);
    }

    /** Whether the presented bearer is a session token (rather than an API key). */
    public static boolean isSessionToken(String presented) {
        return presented != null && presented.startsWith(StaffTokens.SESSION_PREFIX);
    }

    Mono<ActiveSession> find(String presented) {
        if (!StaffTokens.looksLike(presented, StaffTokens.SESSION_PREFIX)) {
            return Mono.empty();
        }
        String hash = StaffTokens.hash(presented);
        // suppressCancel: a caller that goes away must not cancel the read other callers of this token share
        return Mono.fromFuture(() -> byHash.get(hash, (h, executor) -> load(h).toFuture()), true)
            .filter(session -> session.expiresAt().isAfter(clock.instant()));
    }

    private Mono<ActiveSession> load(String hash) {
        return sessions.findByTokenHash(hash)
            .filter(session -> session.expiresAt().isAfter(clock.instant()))
            .flatMap(session -> members.findById(session.memberId())
                .filter(member -> member.status() == StaffStatus.ACTIVE)
                .map(member -> new ActiveSession(session.expiresAt(), StaffMemberSummary.of(member))));
    }

    /** Signs out: the session is deleted and forgotten here at once; an unknown token is no error. */
    Mono<Void> close(String presented) {
        if (!StaffTokens.looksLike(presented, StaffTokens.SESSION_PREFIX)) {
            return Mono.empty();
        }
        String hash = StaffTokens.hash(presented);
        // forgotten after the delete, and before the caller is answered: its next request must not find it cached
        return sessions.deleteByTokenHash(hash).then(Mono.fromRunnable(() -> byHash.synchronous().invalidate(hash)));
    }

    /** Ends every session of a member (disabled, or its password reset), here at once. */
    Mono<Void> closeAll(String memberId) {
        return sessions.deleteByMemberId(memberId).then(Mono.fromRunnable(() -> byHash.synchronous().asMap().values()
            .removeIf(session -> session.member().id().equals(memberId))));
    }
}
