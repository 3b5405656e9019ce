package ru.promtour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * For the floor "the same call straight to the service": an internal identity token like the one the
 * gateway mints for the operator's key (same claims, signed with one of the gateway's keys from its key directory,
 * {@code bench.signingKeys}). The services refuse tokens living longer than 5 minutes, so {@link #fresh} mints a
 * new one every 4.
 */
final class DirectToken {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration REFRESH = Duration.ofMinutes(4);

    private DirectToken() {
    }

    /** A token for the operator, minted again when the last one is 4 minutes old. */
    static Supplier<String> fresh(String operatorId, String operatorName, String operatorEmail) {
        AtomicReference<String> token = new AtomicReference<>();
        AtomicReference<Instant> mintedAt = new AtomicReference<>(Instant.EPOCH);
        return () -> {
            if (Instant.now().isAfter(mintedAt.get().plus(REFRESH))) {
                mintedAt.set(Instant.now());
                token.set(forOperator(operatorId, operatorName, operatorEmail));
            }
            return token.get();
        };
    }

    static String forOperator(String operatorId, String operatorName, String operatorEmail) {
        try {
            ECKey key = newestKey();
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("promtour-gateway").audience(List.of("promtour-services"))
                    .subject("OPERATOR:" + operatorId)
                    .claim("tenant_type", "OPERATOR").claim("tenant_id", operatorId).claim("key_id", "bench-direct")
                    .claim("request_id", "bench-direct").claim("tenant_name", operatorName).claim("tenant_email", operatorEmail)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot mint a direct token", ex);
        }
    }

    /** Any published key verifies; the newest is the one the gateway signs with or soon will. */
    private static ECKey newestKey() {
        try (Stream<Path> files = Files.list(Bench.SIGNING_KEYS)) {
            List<Path> keys = files.filter(f -> f.getFileName().toString().endsWith(".jwk.json")).sorted().toList();
            if (keys.isEmpty()) {
                throw new IllegalStateException("The gateway has no signing key yet in " + Bench.SIGNING_KEYS);
            }
            return ECKey.parse(Files.readString(keys.get(keys.size() - 1)));
        }
        catch (IOException | ParseException ex) {
            throw new IllegalStateException("Cannot read the gateway's signing keys in " + Bench.SIGNING_KEYS, ex);
        }
    }
}
