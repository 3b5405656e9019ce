package ru.promtour.gateway.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Mono;

/**
 * The gateway's EC P-256 signing key (ES256: a signature costs a fraction of an RSA one, on the path of
 * every request), kept in its own database so every gateway instance signs with the
 * same key and a restart does not invalidate the services' cached key set. The first instance to
 * start creates it (insert-if-absent on a fixed id); the others read it.
 */
public class SigningKeyStore {

    static final String CURRENT = "es256";

    private final ReactiveMongoTemplate mongo;

    public SigningKeyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("signing_keys")
    record StoredKey(@Id String id, String kid, String publicKey, String privateKey, Instant createdAt) {
    }

    /** The current key, created on first use. */
    public Mono<ECKey> current() {
        return mongo.findById(CURRENT, StoredKey.class)
            .switchIfEmpty(Mono.defer(() -> mongo.insert(generate())
                .onErrorResume(DuplicateKeyException.class, race -> mongo.findById(CURRENT, StoredKey.class))))
            .map(SigningKeyStore::toJwk);
    }

    private static StoredKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new StoredKey(CURRENT, "gw-" + UUID.randomUUID(), base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()), Instant.now());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("EC P-256 is part of every JDK", ex);
        }
    }

    private static ECKey toJwk(StoredKey stored) {
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            Base64.Decoder base64 = Base64.getDecoder();
            ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(base64.decode(stored.publicKey())));
            ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(stored.privateKey())));
            return new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).keyID(stored.kid()).keyUse(KeyUse.SIGNATURE).build();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("The stored signing key cannot be read", ex);
        }
    }
}
