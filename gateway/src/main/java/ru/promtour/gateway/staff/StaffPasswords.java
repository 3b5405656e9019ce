package ru.promtour.gateway.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password hashes: Spring Security's delegating encoder (bcrypt, {@code {bcrypt}…}, so the algorithm can move on
 * later). Two reasons for what is around it:
 * <ul>
 * <li>bcrypt reads at most 72 bytes and Spring Security refuses to encode more, while the contract allows 128
 * characters (up to 512 bytes): the encoder is given the password's SHA-256 (base64, 44 characters), so every
 * character counts and no password is refused for its length.</li>
 * <li>A bcrypt check takes tens of milliseconds of CPU: it runs on the bounded elastic scheduler, never on an event
 * loop thread.</li>
 * </ul>
 * A check against no hash (an unknown e-mail, a member without a password) still compares against a dummy hash, so
 * the time taken does not tell whether an account exists.
 */
@Component
class StaffPasswords {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String dummyHash = encoder.encode(prehash(UUID.randomUUID().toString()));

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(prehash(password))).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether the password matches the stored hash; false, after as long a check, when there is none. */
    Mono<Boolean> matches(String password, String storedHash) {
        return Mono.fromCallable(() -> {
            boolean matches = encoder.matches(prehash(password), storedHash != null ? storedHash : dummyHash);
            return storedHash != null && matches;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
