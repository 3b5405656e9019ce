package ru.promtour.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;

/**
 * For the floor "the same call straight to the service": an internal identity token like the one the
 * gateway mints for the operator's key (same claims, signed with the gateway's key from its store), so
 * booking-service can be called without the gateway. Lives for the run's length instead of 60 s.
 */
final class DirectToken {

    private DirectToken() {
    }

    static String forOperator(String operatorId, String operatorName, String operatorEmail) {
        try (MongoClient mongo = MongoClients.create(Bench.MONGO)) {
            Document key = mongo.getDatabase("gateway").getCollection("signing_keys").find(Filters.eq("_id", "es256")).first();
            if (key == null) {
                throw new IllegalStateException("The gateway has no signing key yet in " + Bench.MONGO);
            }
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.getString("privateKey"))));
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("promtour-gateway").audience(List.of("promtour-services"))
                    .subject("OPERATOR:" + operatorId)
                    .claim("tenant_type", "OPERATOR").claim("tenant_id", operatorId).claim("key_id", "bench-direct")
                    .claim("request_id", "bench-direct").claim("tenant_name", operatorName).claim("tenant_email", operatorEmail)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getString("kid")).build(), claims);
            jwt.sign(new ECDSASigner(privateKey));
            return jwt.serialize();
        }
        catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("Cannot mint a direct token", ex);
        }
    }
}
