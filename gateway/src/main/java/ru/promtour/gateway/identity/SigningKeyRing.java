package ru.promtour.gateway.identity;

import java.util.List;

import com.nimbusds.jose.jwk.ECKey;

/** The keys internal tokens are signed with (one at a time) and verified by (every key still published). */
public interface SigningKeyRing {

    /** The private key new tokens are signed with. */
    ECKey signingKey();

    /** The public halves the services may meet in a token's {@code kid}: the signing key, keys not yet signing, keys retired lately. */
    List<ECKey> publishedKeys();

    /** A ring of one key that never rotates (tests, tools). */
    static SigningKeyRing of(ECKey key) {
        List<ECKey> published = List.of(key.toPublicJWK());
        return new SigningKeyRing() {
            @Override
            public ECKey signingKey() {
                return key;
            }

            @Override
            public List<ECKey> publishedKeys() {
                return published;
            }
        };
    }
}
