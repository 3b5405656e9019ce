package ru.promtour.gateway.staff;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets handed to people, and their stored form. */
class StaffTokensTest {

    @Test
    void aTokenIsItsPrefixAnd32RandomBytesInBase64Url() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = StaffTokens.newToken(StaffTokens.SESSION_PREFIX);
            assertThat(token).startsWith("pts_").hasSize(4 + 43).matches("pts_[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).as("no token repeats").hasSize(100);
        assertThat(StaffTokens.newToken(StaffTokens.INVITE_PREFIX)).matches("pti_[A-Za-z0-9_-]{43}");
    }

    @Test
    void onlyTheSha256OfATokenIsStored() {
        String token = "pts_" + "a".repeat(43);
        assertThat(StaffTokens.hash(token))
            .isEqualTo(StaffTokens.hash(token))
            .hasSize(64).matches("[0-9a-f]{64}")
            .doesNotContain(token.substring(4))
            .isNotEqualTo(StaffTokens.hash("pts_" + "a".repeat(42) + "b"));
    }

    @Test
    void onlyWhatCanBeATokenOfTheKindIsLookedUp() {
        assertThat(StaffTokens.looksLike("pts_" + "a".repeat(43), StaffTokens.SESSION_PREFIX)).isTrue();
        assertThat(StaffTokens.looksLike("pti_" + "a".repeat(43), StaffTokens.SESSION_PREFIX)).isFalse();
        assertThat(StaffTokens.looksLike("ptk_" + "a".repeat(43), StaffTokens.SESSION_PREFIX)).isFalse();
        assertThat(StaffTokens.looksLike("pts_" + "a".repeat(200), StaffTokens.SESSION_PREFIX)).isFalse();
        assertThat(StaffTokens.looksLike(null, StaffTokens.SESSION_PREFIX)).isFalse();
        assertThat(StaffSessions.isSessionToken("pts_x")).isTrue();
        assertThat(StaffSessions.isSessionToken("ptk_x")).isFalse();
    }
}
