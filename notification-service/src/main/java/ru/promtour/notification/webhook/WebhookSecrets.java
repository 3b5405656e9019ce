package ru.promtour.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;

/**
 * The webhooks' signing secrets: made here, shown to the operator once, stored AES-256-GCM encrypted with the
 * service's key ({@code notification.webhooks.secret-key}), decrypted only to sign. The signature is
 * HMAC-SHA256 over {@code <unix seconds>.<body>} keyed with the secret's UTF-8 bytes (docs/octo-webhooks.md).
 */
@Component
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public WebhookSecrets(NotificationProperties properties) {
        byte[] raw = Base64.getDecoder().decode(properties.webhooks().secretKey());
        if (raw.length != 32) {
            throw new IllegalStateException("notification.webhooks.secret-key must be 32 bytes, base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A new secret: 32 random bytes, URL-safe base64, prefixed so it is recognisable in a config file. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String encrypt(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", ex);
        }
    }

    public String decrypt(String cipherText) {
        try {
            byte[] all = Base64.getDecoder().decode(cipherText);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("Cannot decrypt a webhook secret (was notification.webhooks.secret-key changed?)", ex);
        }
    }

    /** The {@code X-PromTour-Signature} value: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. */
    public static String signature(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
