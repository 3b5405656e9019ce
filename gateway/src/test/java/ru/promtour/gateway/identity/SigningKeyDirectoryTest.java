package ru.promtour.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.promtour.gateway.identity.SigningKeyDirectory.KeyInfo;
import ru.promtour.gateway.identity.SigningKeyDirectory.State;
import ru.promtour.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys as files: created on first start, shared by instances, rotated without a token that cannot be verified. */
class SigningKeyDirectoryTest {

    private static final Duration ACTIVATION = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path tmp;

    private final MutableClock clock = MutableClock.fixedAt(T0);

    private SigningKeyDirectory open(Path dir) {
        return SigningKeyDirectory.open(dir, ACTIVATION, RETENTION, clock);
    }

    @Test
    void theFirstStartCreatesAPrivateDirectoryWithOneKeyThatSignsAtOnce() throws Exception {
        Path dir = tmp.resolve("keys");
        SigningKeyDirectory keys = open(dir);

        assertThat(keys.keys()).singleElement().satisfies(k -> {
            assertThat(k.state()).isEqualTo(State.ACTIVE);
            assertThat(k.since()).as("signing since it was made, not from a future activation").isEqualTo(T0);
        });
        assertThat(keys.signingKey().isPrivate()).isTrue();
        assertThat(keys.signingKey().getKeyID()).isEqualTo(keys.signingKey().computeThumbprint().toString());
        assertThat(keys.publishedKeys()).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).singleElement()
                .satisfies(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aRestartAndASecondInstanceSignWithTheSameKey() {
        Path dir = tmp.resolve("keys");
        String kid = open(dir).signingKey().getKeyID();

        assertThat(open(dir).signingKey().getKeyID()).isEqualTo(kid);
        assertThat(open(dir).keys()).hasSize(1);
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceSignsAfterTheDelayAndTheOldOneIsDeletedAfterTheRetention() {
        Path dir = tmp.resolve("keys");
        SigningKeyDirectory first = open(dir);
        SigningKeyDirectory second = open(dir);
        ECKey old = first.signingKey();

        clock.set(T0.plus(Duration.ofDays(30)));
        KeyInfo rotated = first.rotate();
        second.reload();

        assertThat(rotated.state()).isEqualTo(State.PENDING);
        assertThat(rotated.since()).isEqualTo(clock.instant().plus(ACTIVATION));
        for (SigningKeyDirectory instance : List.of(first, second)) {
            assertThat(instance.signingKey().getKeyID()).as("still the old key until the activation").isEqualTo(old.getKeyID());
            assertThat(instance.publishedKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(old.getKeyID(), rotated.kid());
        }

        clock.set(rotated.since());
        second.reload();
        assertThat(second.signingKey().getKeyID()).isEqualTo(rotated.kid());
        assertThat(second.keys()).extracting(KeyInfo::state).containsExactly(State.ACTIVE, State.RETIRED);
        assertThat(second.publishedKeys()).as("tokens signed with the old key stay verifiable").hasSize(2);

        clock.set(rotated.since().plus(RETENTION));
        first.reload();
        assertThat(first.publishedKeys()).extracting(JWK::getKeyID).containsExactly(rotated.kid());
        assertThat(open(dir).keys()).extracting(KeyInfo::kid).containsExactly(rotated.kid());
    }

    @Test
    void aFileThatIsNoPrivateKeyIsIgnored() throws Exception {
        Path dir = tmp.resolve("keys");
        SigningKeyDirectory keys = open(dir);
        Files.writeString(dir.resolve("1-stray.jwk.json"), keys.publishedKeys().get(0).toJSONString());
        Files.writeString(dir.resolve("2-broken.jwk.json"), "{not json");

        keys.reload();

        assertThat(keys.keys()).hasSize(1);
        assertThat(keys.signingKey().isPrivate()).isTrue();
    }
}
