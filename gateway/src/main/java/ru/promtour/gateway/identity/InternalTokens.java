package ru.promtour.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import ru.promtour.gateway.auth.Identity;

/**
 * Mints the internal identity token the services trust (contract: platform-security/README.md):
 * ES256, issuer {@code promtour-gateway}, audience {@code promtour-services}, tenant claims, 60 s life.
 */
public class InternalTokens {

    public static final String ISSUER = "promtour-gateway";
    public static final String AUDIENCE = "promtour-services";

    private final ECKey key;
    private final ECDSASigner signer;
    private final Duration lifetime;
    private final Clock clock;

    public InternalTokens(ECKey key, Duration lifetime, Clock clock) {
        this.key = key;
        this.lifetime = lifetime;
        this.clock = clock;
        try {
            this.signer = new ECDSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Unusable signing key " + key.getKeyID(), ex);
        }
    }

    public String mint(Identity identity, String requestId) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(List.of(AUDIENCE))
            .subject(identity.tenantType() + ":" + identity.tenantId())
            .claim("tenant_type", identity.tenantType().name())
            .claim("tenant_id", identity.tenantId())
            .claim("key_id", identity.keyId())
            .claim("request_id", requestId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString());
        if (identity.name() != null) {
            builder.claim("tenant_name", identity.name());
        }
        if (identity.email() != null) {
            builder.claim("tenant_email", identity.email());
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Signing the internal token failed", ex);
        }
        return jwt.serialize();
    }

    /** The public half, as the JWK Set the services fetch. */
    public Map<String, Object> publicKeySet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }
}
