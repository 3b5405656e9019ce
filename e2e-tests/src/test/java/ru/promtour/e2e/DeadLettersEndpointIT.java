package ru.promtour.e2e;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadletters endpoint of a running service, called as docs/operations.md does: on its management port, with an
 * ADMIN token minted on the gateway's host from the gateway's newest signing key.
 */
class DeadLettersEndpointIT {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void notificationServiceListsItsDeadLetterTopicsAndCountsAReplayForTheAdminOnly() throws Exception {
        String management = platform.managementUrl("notification-service");
        Client admin = new Client(management, adminToken());

        Client.Response listed = admin.get("/actuator/deadletters");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode bookings = null;
        for (JsonNode topic : listed.json().path("topics")) {
            if (topic.path("topic").asText().equals("booking.bookings.v1-dlt")) {
                bookings = topic;
            }
        }
        assertThat(bookings).as(listed.toString()).isNotNull();
        assertThat(bookings.path("originalTopic").asText()).isEqualTo("booking.bookings.v1");

        Client.Response dry = admin.post("/actuator/deadletters/booking.bookings.v1-dlt", Map.of("dryRun", true));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().path("republishedTo").asText()).isEqualTo("booking.bookings.v1");
        assertThat(dry.json().path("records").asLong()).isEqualTo(bookings.path("records").asLong());
        Client.Response inverted = admin.post("/actuator/deadletters/booking.bookings.v1-dlt",
                Map.of("fromOffset", 5, "toOffset", 2, "dryRun", true));
        assertThat(inverted.status()).as(inverted.toString()).isEqualTo(400);
        assertThat(admin.post("/actuator/deadletters/catalog.slots.v1-dlt", Map.of("dryRun", true)).status())
                .as("not a topic notification-service consumes").isEqualTo(404);

        assertThat(new Client(management, null).get("/actuator/deadletters").status()).isEqualTo(401);
        assertThat(new Client(management, null).post("/actuator/deadletters/booking.bookings.v1-dlt", Map.of()).status())
                .isEqualTo(401);
    }

    /**
     * What the runbook's snippet does: a 60 s ADMIN token signed (ES256) with the gateway's newest key, here with the
     * JDK's own EC signature in the JWS (P1363) format.
     */
    private static String adminToken() throws Exception {
        Path newest;
        try (Stream<Path> files = Files.list(platform.gatewaySigningKeys())) {
            newest = files.filter(f -> f.getFileName().toString().endsWith(".jwk.json"))
                    .max(Comparator.comparing(f -> f.getFileName().toString())).orElseThrow();
        }
        JsonNode jwk = Client.JSON.readTree(Files.readString(newest));
        AlgorithmParameters curve = AlgorithmParameters.getInstance("EC");
        curve.init(new ECGenParameterSpec("secp256r1"));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("d").asText())),
                curve.getParameterSpec(ECParameterSpec.class)));
        long now = Instant.now().getEpochSecond();
        String header = base64(Map.of("alg", "ES256", "typ", "JWT", "kid", jwk.path("kid").asText()));
        String claims = base64(Map.of("iss", "promtour-gateway", "aud", List.of("promtour-services"), "sub", "ADMIN:admin",
                "tenant_type", "ADMIN", "tenant_id", "admin", "key_id", "runbook", "iat", now, "exp", now + 60,
                "jti", UUID.randomUUID().toString()));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(key);
        es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(es256.sign());
    }

    private static String base64(Map<String, Object> json) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Client.JSON.writeValueAsBytes(json));
    }
}
