package ru.promtour.gateway.staff;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The admin's side of staff accounts — invite, list, invite again, unlock, disable — and the invitee's: accepting an
 * invitation sets the password. An invitation is a single-use {@code pti_} token, valid {@code platform.staff.invite-ttl}
 * (7 days), stored as its hash; inviting again replaces it, and accepting it on an ACTIVE account is the office's
 * "forgot password": the new password replaces the old one and the account's sessions end.
 */
@Service
class StaffAccounts {

    private final StaffMemberRepository members;
    private final ReactiveMongoTemplate mongo;
    private final StaffSessions sessions;
    private final StaffPasswords passwords;
    private final StaffProperties properties;
    private final Lockout lockout;

    StaffAccounts(StaffMemberRepository members, ReactiveMongoTemplate mongo, StaffSessions sessions,
                  StaffPasswords passwords, StaffProperties properties, Lockout lockout) {
        this.members = members;
        this.mongo = mongo;
        this.sessions = sessions;
        this.passwords = passwords;
        this.properties = properties;
        this.lockout = lockout;
    }

    /** A member with a fresh invitation, whose token exists nowhere else. */
    record Invited(StaffMember member, String token) {
    }

    /** A new INVITED member; 409 when the e-mail (any case) has a member already. */
    Mono<Invited> invite(String email, String name, StaffRole role, String enterpriseId) {
        String token = StaffTokens.newToken(StaffTokens.INVITE_PREFIX);
        Instant now = lockout.now();
        String normalized = normalizedEmail(email);
        StaffMember member = new StaffMember("stf-" + UUID.randomUUID(), normalized, name.strip(), role,
                enterpriseId, StaffStatus.INVITED, null, StaffTokens.hash(token), now.plus(properties.inviteTtl()), 0,
                null, null, now, null);
        return members.insert(member)
            .onErrorMap(DuplicateKeyException.class, ex -> StaffProblems.of(HttpStatus.CONFLICT,
                    "A staff member with e-mail " + normalized + " exists already"))
            .map(saved -> new Invited(saved, token));
    }

    static String normalizedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Newest first; of one enterprise when it is given. */
    Flux<StaffMember> list(String enterpriseId) {
        Query query = enterpriseId == null ? new Query() : Query.query(Criteria.where("enterpriseId").is(enterpriseId));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")), StaffMember.class);
    }

    /** A fresh invitation for an INVITED or ACTIVE member (the previous one stops working); 409 when disabled. */
    Mono<Invited> reinvite(String id) {
        String token = StaffTokens.newToken(StaffTokens.INVITE_PREFIX);
        Update update = Update.update("inviteTokenHash", StaffTokens.hash(token))
            .set("inviteExpiresAt", lockout.now().plus(properties.inviteTtl()));
        return modify(Query.query(Criteria.where("_id").is(id).and("status").ne(StaffStatus.DISABLED.name())), update)
            .switchIfEmpty(Mono.defer(() -> existing(id).then(Mono.error(StaffProblems.of(HttpStatus.CONFLICT,
                    "Staff member " + id + " is disabled: it cannot be invited again")))))
            .map(member -> new Invited(member, token));
    }

    /** Lifts a lock and forgets the failed sign-ins. */
    Mono<StaffMember> unlock(String id) {
        return modify(Query.query(Criteria.where("_id").is(id)), new Update().set("failedSignIns", 0).unset("lockedUntil"))
            .switchIfEmpty(Mono.error(() -> StaffProblems.notFound(id)));
    }

    /** For good: no sign-in, no invitation, and every session ends at once. Disabling twice keeps the first time. */
    Mono<StaffMember> disable(String id) {
        Update update = Update.update("status", StaffStatus.DISABLED.name()).set("disabledAt", lockout.now())
            .unset("inviteTokenHash").unset("inviteExpiresAt");
        return modify(Query.query(Criteria.where("_id").is(id).and("status").ne(StaffStatus.DISABLED.name())), update)
            .switchIfEmpty(Mono.defer(() -> existing(id)))
            .flatMap(member -> sessions.closeAll(id).thenReturn(member));
    }

    /**
     * Sets the password of the invitation's member, which becomes ACTIVE. The update is conditional on the token's
     * hash, so of two accepts of one invitation exactly one wins; the other is told the invitation is not valid.
     */
    Mono<StaffMember> accept(String token, String password) {
        if (!StaffTokens.looksLike(token, StaffTokens.INVITE_PREFIX)) {
            return Mono.error(StaffProblems.invalidInvitation());
        }
        String hash = StaffTokens.hash(token);
        Instant now = lockout.now();
        return members.findByInviteTokenHash(hash)
            .filter(member -> member.status() != StaffStatus.DISABLED && member.inviteExpiresAt() != null
                    && member.inviteExpiresAt().isAfter(now))
            .switchIfEmpty(Mono.error(StaffProblems::invalidInvitation))
            .flatMap(member -> password.strip().equalsIgnoreCase(member.email())
                    ? Mono.error(StaffProblems.invalidField("password", "must not be the e-mail address"))
                    : passwords.hash(password).flatMap(passwordHash -> modify(
                        Query.query(Criteria.where("_id").is(member.id()).and("inviteTokenHash").is(hash)
                            .and("inviteExpiresAt").gt(now).and("status").ne(StaffStatus.DISABLED.name())),
                        new Update().set("passwordHash", passwordHash).set("status", StaffStatus.ACTIVE.name())
                            .unset("inviteTokenHash").unset("inviteExpiresAt").set("failedSignIns", 0).unset("lockedUntil"))))
            .switchIfEmpty(Mono.error(StaffProblems::invalidInvitation))
            .flatMap(member -> sessions.closeAll(member.id()).thenReturn(member));
    }

    private Mono<StaffMember> modify(Query query, Update update) {
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), StaffMember.class);
    }

    private Mono<StaffMember> existing(String id) {
        return members.findById(id).switchIfEmpty(Mono.error(() -> StaffProblems.notFound(id)));
    }
}
