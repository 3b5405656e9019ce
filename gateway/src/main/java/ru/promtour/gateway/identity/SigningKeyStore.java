package ru.promtour.gateway.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Mono;

/**
 * The gateway's RSA signing key, kept in its own database so every gateway instance signs with the
 * same key and a restart does not invalidate the services' cached key set. The first instance to
 * start creates it (insert-if-absent on a fixed id); the others read it.
 */
public class SigningKeyStore {

    static final String CURRENT = "current";

    private final ReactiveMongoTemplate mongo;

    public SigningKeyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("signing_keys")
    record StoredKey(@Id String id, String kid, String publicKey, String privateKey, Instant createdAt) {
    }

    /** The current key, created on first use. */
    public Mono<RSAKey> current() {
        return mongo.findById(CURRENT, StoredKey.class)
            .switchIfEmpty(Mono.defer(() -> mongo.insert(generate())
                .onErrorResume(DuplicateKeyException.class, race -> mongo.findById(CURRENT, StoredKey.class))))
            .map(SigningKeyStore::toJwk);
    }

    private static StoredKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new StoredKey(CURRENT, "gw-" + UUID.randomUUID(), base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()), Instant.now());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("RSA is part of every JDK", ex);
        }
    }

    private static RSAKey toJwk(StoredKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(stored.publicKey())));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(stored.privateKey())));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(stored.kid()).keyUse(KeyUse.SIGNATURE).build();
        }
        catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
            throw new IllegalStateException("The stored signing key cannot be read", ex);
        }
    }
}
