package ru.promtour.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's signing keys as files in a directory only the gateway reads (a mounted secret or volume; locally
 * {@code .data/gateway-keys}, created with the first key on the first start): one EC P-256 JWK per file, with its
 * creation time ({@code iat}) and its RFC 7638 thumbprint as {@code kid}. Why files and not the database: the
 * Mongo server is shared by every service, and whoever reads the private key can mint any tenant's token.
 * <p>
 * Rotation without a failed request, across gateway instances that share the directory: a new key is published
 * at once but signs only {@code activationDelay} after its creation (every instance has re-read the directory
 * and every service can fetch it by then); the key it replaces stays published for {@code retention} after that
 * (longer than a token lives) and is then deleted. Every instance re-reads the directory on {@link #reload()}.
 */
public final class SigningKeyDirectory implements SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyDirectory.class);
    private static final String SUFFIX = ".jwk.json";

    /** A key and its state as of the last read. */
    public record KeyInfo(String kid, Instant createdAt, State state, Instant since) {
    }

    /** PENDING: published, not yet signing; ACTIVE: signing; RETIRED: published until its file is deleted. */
    public enum State { PENDING, ACTIVE, RETIRED }

    private record Ring(ECKey signing, List<ECKey> published, List<KeyInfo> keys) {
    }

    private final Path directory;
    private final Duration activationDelay;
    private final Duration retention;
    private final Clock clock;
    private volatile Ring ring;

    private SigningKeyDirectory(Path directory, Duration activationDelay, Duration retention, Clock clock) {
        this.directory = directory;
        this.activationDelay = activationDelay;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Reads the directory, creating it (owner-only) and a first key when it holds none.
     *
     * @param activationDelay how long a new key is only published before it signs
     * @param retention       how long a replaced key stays published; longer than a token's lifetime
     */
    public static SigningKeyDirectory open(Path directory, Duration activationDelay, Duration retention, Clock clock) {
        SigningKeyDirectory keys = new SigningKeyDirectory(directory.toAbsolutePath(), activationDelay, retention, clock);
        try {
            createPrivateDirectory(keys.directory);
            if (keys.read().isEmpty()) {
                ECKey first = keys.write(keys.generate());
                log.info("Created the first internal signing key {} in {}", first.getKeyID(), keys.directory);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The signing key directory " + keys.directory + " cannot be used", ex);
        }
        keys.reload();
        return keys;
    }

    @Override
    public ECKey signingKey() {
        return ring.signing();
    }

    @Override
    public List<ECKey> publishedKeys() {
        return ring.published();
    }

    /** Every key as of the last read, newest first. */
    public List<KeyInfo> keys() {
        return ring.keys();
    }

    /** Writes a new key: published now, signing after the activation delay. */
    public synchronized KeyInfo rotate() {
        ECKey key = write(generate());
        log.info("Created the internal signing key {}: signs from {}", key.getKeyID(), key.getIssueTime().toInstant().plus(activationDelay));
        reload();
        return keys().stream().filter(k -> k.kid().equals(key.getKeyID())).findFirst().orElseThrow();
    }

    /** Re-reads the directory (keys written by another instance), moves the signing key on, deletes expired keys. */
    public synchronized void reload() {
        List<ECKey> stored;
        try {
            stored = read();
        }
        catch (IOException ex) {
            if (ring != null) {
                log.warn("The signing key directory {} could not be read; keeping the keys read before: {}", directory, ex.toString());
                return;
            }
            throw new UncheckedIOException(ex);
        }
        if (stored.isEmpty()) {
            if (ring != null) {
                log.warn("The signing key directory {} holds no key; keeping the keys read before", directory);
                return;
            }
            throw new IllegalStateException("No signing key in " + directory);
        }
        Instant now = clock.instant();
        // oldest first; the signing key is the newest one whose activation time has come (the oldest while none has)
        stored.sort(Comparator.comparing(SigningKeyDirectory::createdAt));
        int signing = 0;
        for (int i = 0; i < stored.size(); i++) {
            if (!activation(stored.get(i)).isAfter(now)) {
                signing = i;
            }
        }
        ECKey signingKey = stored.get(signing);
        Instant replacedAt = activation(signingKey);
        List<ECKey> published = new ArrayList<>();
        List<KeyInfo> infos = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0; i--) {
            ECKey key = stored.get(i);
            if (i < signing && !replacedAt.plus(retention).isAfter(now)) {
                delete(key);
                continue;
            }
            State state = i == signing ? State.ACTIVE : i > signing ? State.PENDING : State.RETIRED;
            // the first key signs at once, before its activation time: it is ACTIVE since it was created
            Instant since = state == State.RETIRED ? replacedAt
                    : state == State.ACTIVE && activation(key).isAfter(now) ? createdAt(key) : activation(key);
            published.add(key.toPublicJWK());
            infos.add(new KeyInfo(key.getKeyID(), createdAt(key), state, since));
        }
        ring = new Ring(signingKey, List.copyOf(published), List.copyOf(infos));
    }

    private Instant activation(ECKey key) {
        return createdAt(key).plus(activationDelay);
    }

    private static Instant createdAt(ECKey key) {
        return key.getIssueTime().toInstant();
    }

    private ECKey generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).issueTime(Date.from(clock.instant())).generate();
            return new ECKey.Builder(key).keyIDFromThumbprint().build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("EC P-256 is part of every JDK", ex);
        }
    }

    private List<ECKey> read() throws IOException {
        List<ECKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                try {
                    ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                    if (!key.isPrivate() || key.getIssueTime() == null || key.getKeyID() == null) {
                        throw new ParseException("not a private key with kid and iat", 0);
                    }
                    keys.add(key);
                }
                catch (NoSuchFileException deletedMeanwhile) {
                    // another instance retired it between the listing and the read
                }
                catch (ParseException ex) {
                    log.warn("Ignoring {}: not a signing key ({})", file.getFileName(), ex.getMessage());
                }
            }
        }
        return keys;
    }

    /** Written under a temporary name and moved into place, so another instance never reads half a key. */
    private ECKey write(ECKey key) {
        Path target = directory.resolve(key.getIssueTime().toInstant().getEpochSecond() + "-" + key.getKeyID() + SUFFIX);
        try {
            Path temporary = Files.createTempFile(directory, ".new-", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temporary, target);
            }
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The signing key could not be written to " + directory, ex);
        }
    }

    private void delete(ECKey key) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-" + key.getKeyID() + SUFFIX)).toList()) {
                Files.deleteIfExists(file);
                log.info("Deleted the retired internal signing key {}", key.getKeyID());
            }
        }
        catch (IOException ex) {
            log.warn("The retired signing key {} could not be deleted: {}", key.getKeyID(), ex.toString());
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrictToOwner(directory);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }
}
