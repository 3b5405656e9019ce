package ru.promtour.test.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import ru.promtour.security.config.PlatformSecurityProperties;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.security.token.InternalTokenClaims;
import ru.promtour.security.token.InternalTokenValidators;

/**
 * Mints internal tokens for tests exactly as the gateway does (ES256, header {@code kid} and no
 * {@code typ}, the full claim set, 60 s lifetime), signed by one EC key generated once per JVM. Tests make a service trust that key
 * either with {@link TestSecurityConfiguration} (a decoder over {@link #jwkSet()}) or by serving
 * {@link #jwkSetJson()} from a stub JWKS endpoint and pointing {@code platform.security.jwk-set-uri} at
 * it. Broken tokens for the negative cases are one call away: {@link #expired}, {@link #signedByAnotherKey},
 * {@link #wrongIssuer}, {@link #wrongAudience}, or any variation through {@link #token}.
 * <pre>{@code
 * http.get("/octo/products", "Bearer " + TestTokens.operator("op-1"));
 * TestTokens.token(TenantType.ENTERPRISE, "ent-1").without("tenant_type").sign();
 * }</pre>
 */
public final class TestTokens {

    /** {@code kid} of the test signing key. */
    public static final String KEY_ID = "promtour-test-key";

    private static final ECKey SIGNING_KEY = newKey(KEY_ID);
    private static final ECKey OTHER_KEY = newKey(KEY_ID);

    private TestTokens() {
    }

    /** A valid token of operator {@code operatorId}. */
    public static String operator(String operatorId) {
        return forTenant(TenantType.OPERATOR, operatorId);
    }

    /** A valid token of operator {@code operatorId} carrying its registered name and email, as the gateway mints it. */
    public static String operator(String operatorId, String name, String email) {
        return token(TenantType.OPERATOR, operatorId)
                .claim(InternalTokenClaims.TENANT_NAME, name)
                .claim(InternalTokenClaims.TENANT_EMAIL, email)
                .sign();
    }

    /** A valid token of enterprise {@code enterpriseId}. */
    public static String enterprise(String enterpriseId) {
        return forTenant(TenantType.ENTERPRISE, enterpriseId);
    }

    /** A valid token of the platform admin. */
    public static String admin() {
        return forTenant(TenantType.ADMIN, InternalTokenClaims.ADMIN_TENANT_ID);
    }

    /** A valid token of any tenant. */
    public static String forTenant(TenantType type, String tenantId) {
        return token(type, tenantId).sign();
    }

    /** A token that expired ten minutes ago (far beyond any clock skew). */
    public static String expired(TenantType type, String tenantId) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(11));
        return token(type, tenantId).issuedAt(issued).expiresAt(issued.plusSeconds(60)).sign();
    }

    /** A token with the right {@code kid} but signed by a different private key: a forgery. */
    public static String signedByAnotherKey(TenantType type, String tenantId) {
        return token(type, tenantId).signedBy(OTHER_KEY).sign();
    }

    /** A correctly signed token from an issuer other than the gateway. */
    public static String wrongIssuer(TenantType type, String tenantId) {
        return token(type, tenantId).issuer("someone-else").sign();
    }

    /** A correctly signed token meant for another audience. */
    public static String wrongAudience(TenantType type, String tenantId) {
        return token(type, tenantId).audience("another-audience").sign();
    }

    /** A builder preset with the gateway's claims for that tenant, to vary before {@link Builder#sign()}. */
    public static Builder token(TenantType type, String tenantId) {
        return new Builder(type, tenantId);
    }

    /** {@code Authorization} header value for {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The public half of the test signing key as a JWK Set. */
    public static JWKSet jwkSet() {
        return new JWKSet(SIGNING_KEY.toPublicJWK());
    }

    /** The test JWK Set as the gateway serves it at {@code /.well-known/jwks.json}. */
    public static String jwkSetJson() {
        return jwkSetJson(SIGNING_KEY);
    }

    /** A JWK Set of the public halves of {@code keys}, for key-rotation tests. */
    public static String jwkSetJson(ECKey... keys) {
        return new JWKSet(Arrays.stream(keys).map(k -> (JWK) k.toPublicJWK()).toList())
            .toString(true);
    }

    /** A fresh P-256 EC key pair with id {@code keyId}, for key-rotation tests. */
    public static ECKey newKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an EC test key", ex);
        }
    }

    /**
     * A decoder that trusts the test key and applies the same claim checks as the production decoder,
     * for tests that do not serve a JWKS.
     */
    public static JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(jwkSet()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
        decoder.setJwtValidator(InternalTokenValidators.create(
                properties.issuer(), properties.audience(), properties.clockSkew(), properties.maxTokenLifetime()));
        return decoder;
    }

    /** Varies one token; every setter returns the builder. Defaults follow the gateway's contract. */
    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final Set<String> removed = new HashSet<>();
        private Instant issuedAt = Instant.now();
        private Instant expiresAt;
        private ECKey key = SIGNING_KEY;
        private String keyId;
        private String type;

        private Builder(TenantType type, String tenantId) {
            claims.put("iss", InternalTokenClaims.ISSUER);
            claims.put("aud", List.of(InternalTokenClaims.AUDIENCE));
            claims.put("sub", type.name() + ":" + tenantId);
            claims.put(InternalTokenClaims.TENANT_TYPE, type.name());
            claims.put(InternalTokenClaims.TENANT_ID, tenantId);
            claims.put(InternalTokenClaims.KEY_ID, "key-" + type.name().toLowerCase() + "-" + tenantId);
            claims.put(InternalTokenClaims.REQUEST_ID, UUID.randomUUID().toString());
            claims.put("jti", UUID.randomUUID().toString());
        }

        /** Sets {@code iss}. */
        public Builder issuer(String issuer) {
            return claim("iss", issuer);
        }

        /** Sets {@code aud} to exactly these values. */
        public Builder audience(String... audience) {
            return claim("aud", List.of(audience));
        }

        /** Sets {@code key_id}. */
        public Builder apiKeyId(String apiKeyId) {
            return claim(InternalTokenClaims.KEY_ID, apiKeyId);
        }

        /** Sets {@code request_id}. */
        public Builder requestId(String requestId) {
            return claim(InternalTokenClaims.REQUEST_ID, requestId);
        }

        /** Sets {@code iat}; {@code exp} follows it by 60 s unless set. */
        public Builder issuedAt(Instant instant) {
            this.issuedAt = instant;
            return this;
        }

        /** Sets {@code exp}. */
        public Builder expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        /** Sets any claim (a list value becomes a JSON array). */
        public Builder claim(String name, Object value) {
            claims.put(name, value);
            removed.remove(name);
            return this;
        }

        /** Leaves a claim out ({@code iat}, {@code exp} included). */
        public Builder without(String claim) {
            removed.add(claim);
            return this;
        }

        /** Signs with another private key (its {@code kid} goes into the header unless {@link #keyId} is set). */
        public Builder signedBy(ECKey signingKey) {
            this.key = signingKey;
            return this;
        }

        /** Adds a {@code typ} header (the gateway sends none). */
        public Builder type(String headerType) {
            this.type = headerType;
            return this;
        }

        /** Puts this {@code kid} into the header whatever key signs. */
        public Builder keyId(String headerKeyId) {
            this.keyId = headerKeyId;
            return this;
        }

        /** The compact serialization {@code header.payload.signature}. */
        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
            claims.forEach((name, value) -> {
                if (!removed.contains(name)) {
                    set.claim(name, value);
                }
            });
            if (!removed.contains("iat")) {
                set.issueTime(Date.from(issuedAt));
            }
            if (!removed.contains("exp")) {
                set.expirationTime(Date.from(expiresAt != null ? expiresAt : issuedAt.plusSeconds(60)));
            }
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(keyId != null ? keyId : key.getKeyID());
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), set.build());
            try {
                jwt.sign(new ECDSASigner(key));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Cannot sign a test token", ex);
            }
            return jwt.serialize();
        }
    }
}
