package ru.promtour.gateway.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Password hashes with the delegating encoder (bcrypt), over the password's SHA-256. */
class StaffPasswordsTest {

    private final StaffPasswords passwords = new StaffPasswords();

    @Test
    void aPasswordMatchesItsHashAndNoOther() {
        String hash = passwords.hash("correct horse battery").block();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct");
        assertThat(passwords.matches("correct horse battery", hash).block()).isTrue();
        assertThat(passwords.matches("correct horse battery!", hash).block()).isFalse();
    }

    /** bcrypt alone reads 72 bytes and Spring Security refuses to encode more; 128 characters may be 512 bytes. */
    @Test
    void everyCharacterOfALongPasswordCounts() {
        String longPassword = "ж".repeat(127) + "a";
        String hash = passwords.hash(longPassword).block();
        assertThat(passwords.matches(longPassword, hash).block()).isTrue();
        assertThat(passwords.matches("ж".repeat(127) + "b", hash).block()).isFalse();
    }

    @Test
    void thereIsNoMatchWithoutAStoredHash() {
        assertThat(passwords.matches("any password at all", null).block()).isFalse();
    }
}
