package ru.promtour.gateway.staff;

import java.time.Instant;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Signs a member in with e-mail and password, and locks the account after too many wrong passwords in a row
 * ({@link Lockout}). Wrong e-mail, wrong password, an account still INVITED or DISABLED: one answer (401), after a
 * password check each, so neither words nor timing tell which. The count is the member document's, raised with an
 * atomic {@code $inc}: concurrent wrong passwords all count. While the lock lasts every attempt is 423 — the right
 * password too — and none extends it; the failure that locks resets the count, so after the lock the member has the
 * full number of attempts again. A success resets the count.
 * <p>
 * None of this counts against the per-address failed-authentication limit: every console sign-in comes from the web
 * module's one address (ADR 0008 §4).
 */
@Service
class StaffSignIns {

    private final StaffMemberRepository members;
    private final ReactiveMongoTemplate mongo;
    private final StaffPasswords passwords;
    private final StaffSessions sessions;
    private final Lockout lockout;

    StaffSignIns(StaffMemberRepository members, ReactiveMongoTemplate mongo, StaffPasswords passwords,
                 StaffSessions sessions, Lockout lockout) {
        this.members = members;
        this.mongo = mongo;
        this.passwords = passwords;
        this.sessions = sessions;
        this.lockout = lockout;
    }

    Mono<StaffSessions.Opened> signIn(String email, String password) {
        return members.findByEmail(StaffAccounts.normalizedEmail(email))
            .flatMap(member -> attempt(member, password))
            .switchIfEmpty(Mono.defer(() -> refused(password)));
    }

    private Mono<StaffSessions.Opened> attempt(StaffMember member, String password) {
        if (member.status() != StaffStatus.ACTIVE || member.passwordHash() == null) {
            return refused(password);
        }
        if (member.lockedAt(lockout.now())) {
            return Mono.error(locked(member.lockedUntil()));
        }
        return passwords.matches(password, member.passwordHash())
            .flatMap(matches -> matches ? succeeded(member) : failed(member));
    }

    /** As long as a real check, then the one answer for every wrong credential. */
    private Mono<StaffSessions.Opened> refused(String password) {
        return passwords.matches(password, null).then(Mono.error(StaffProblems::wrongCredentials));
    }

    private Mono<StaffSessions.Opened> succeeded(StaffMember member) {
        Update reset = new Update().set("failedSignIns", 0).unset("lockedUntil").set("lastSignInAt", lockout.now());
        return mongo.updateFirst(byId(member.id()), reset, StaffMember.class).then(sessions.open(member));
    }

    private Mono<StaffSessions.Opened> failed(StaffMember member) {
        return mongo.findAndModify(byId(member.id()), new Update().inc("failedSignIns", 1), returnNew(), StaffMember.class)
            .flatMap(counted -> {
                Instant lock = lockout.lockAfter(counted.failedSignIns());
                if (lock == null) {
                    return Mono.error(StaffProblems.wrongCredentials());
                }
                // only while the count is still at the limit: a concurrent failure may have locked it already
                Query atLimit = Query.query(Criteria.where("_id").is(member.id()).and("failedSignIns").gte(lockout.maxFailures()));
                return mongo.findAndModify(atLimit, Update.update("lockedUntil", lock).set("failedSignIns", 0), returnNew(),
                        StaffMember.class)
                    .switchIfEmpty(members.findById(member.id()))
                    .flatMap(locked -> Mono.error(locked.lockedAt(lockout.now()) ? locked(locked.lockedUntil())
                            : StaffProblems.wrongCredentials()));
            });
    }

    private RuntimeException locked(Instant until) {
        return StaffProblems.locked(lockout.refusal(until), until);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static FindAndModifyOptions returnNew() {
        return FindAndModifyOptions.options().returnNew(true);
    }
}
