package ru.promtour.gateway.staff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in to the console: never a password, only its hash ({@link StaffPasswords}), and of the
 * pending invitation only its token's SHA-256. The e-mail is stored lower-cased (unique, {@link StaffIndexes}).
 *
 * @param status         INVITED until the first password is set, then ACTIVE; DISABLED for good
 * @param failedSignIns  consecutive wrong passwords since the last success or lock ({@code $inc}, atomic)
 * @param lockedUntil    sign-ins are refused until then
 */
@Document(StaffMember.COLLECTION)
public record StaffMember(
        @Id String id,
        String email,
        String name,
        StaffRole role,
        String enterpriseId,
        StaffStatus status,
        String passwordHash,
        String inviteTokenHash,
        Instant inviteExpiresAt,
        int failedSignIns,
        Instant lockedUntil,
        Instant lastSignInAt,
        Instant createdAt,
        Instant disabledAt) {

    public static final String COLLECTION = "staff_members";

    /** The status as clients see it: LOCKED while an active account's lock lasts. */
    public StaffStatus statusAt(Instant now) {
        return status == StaffStatus.ACTIVE && lockedAt(now) ? StaffStatus.LOCKED : status;
    }

    /** Whether sign-ins are refused at {@code now} for a lock. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
