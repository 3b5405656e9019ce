package ru.promtour.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services' logs as an operator reads them: after a booking with a distinctive contact (e-mail, phone) and
 * visitors' passport numbers has been confirmed and its messages delivered, every line every service wrote is
 * ECS JSON, none holds the e-mail, the phone (in any writing) or a document number, and the booking's own lines
 * carry its id and a trace id.
 */
class LogHygieneIT {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        CatalogScenarioIT.admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        BookingScenarioIT.platform = platform;
        BookingScenarioIT.operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Лог-Тур"));
    }

    @Test
    void aBookingsPersonalDataNeverReachesTheLogsWhileItsIdsDo() throws IOException {
        String local = "hygiene." + UUID.randomUUID().toString().substring(0, 8);
        String email = local + "@school42.example";
        String subscriber = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String phone = "+7913" + subscriber;
        String passport1 = "45" + subscriber.substring(0, 2) + " " + subscriber.substring(1, 7);
        String passport2 = "46" + subscriber.substring(2, 4) + " " + subscriber.substring(0, 6);
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", 20, "\"documents\":\"PASSPORT\",\"manifestLeadDays\":3");
        String uuid = UUID.randomUUID().toString();
        String adult = site.unitIds().get("ADULT");
        String body = """
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[
                 {"unitId":"%s","contact":{"fullName":"Логова Ольга"},"visitor":{"documentType":"PASSPORT","documentNumber":"%s","birthDate":"1981-03-02"}},
                 {"unitId":"%s","contact":{"fullName":"Логов Олег"},"visitor":{"documentType":"PASSPORT","documentNumber":"%s","birthDate":"1979-11-20"}}]}"""
                .formatted(uuid, site.productId(), site.slotId(), adult, passport1, adult, passport2);
        Client.Response[] held = new Client.Response[1];
        await("reserve accepted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            held[0] = BookingScenarioIT.operator.post("/octo/bookings", body);
            return held[0].status() == 200;
        });
        String bookingId = held[0].at("/id");
        Client.Response confirmed = BookingScenarioIT.operator.post("/octo/bookings/" + uuid + "/confirm",
                Map.of("contact", Map.of("fullName", "Логова Ольга Игоревна", "emailAddress", email,
                        "phoneNumber", phone, "locales", List.of("ru"))));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/status")).isEqualTo("CONFIRMED");
        String reference = confirmed.at("/supplierReference");
        await("confirmation e-mail and SMS delivered").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(BookingScenarioIT.delivered(email, reference)).isNotEmpty();
            assertThat(BookingScenarioIT.delivered(phone, reference)).isNotEmpty();
        });

        List<String> secrets = List.of(email, local + "@", phone, "913" + subscriber, "7913" + subscriber,
                subscriber.substring(0, 3) + "-" + subscriber.substring(3, 5) + "-" + subscriber.substring(5),
                subscriber.substring(0, 3) + " " + subscriber.substring(3, 5) + " " + subscriber.substring(5),
                passport1, passport1.replace(" ", ""), passport2, passport2.replace(" ", ""));
        // the booking's lines are written while the messages go out: wait for one, then read everything written so far
        await("a line about the booking with its id and a trace id").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(serviceLines()).anySatisfy(line -> {
                    assertThat(field(line.json(), "booking.id")).isEqualTo(bookingId);
                    assertThat(field(line.json(), "trace.id")).matches("[0-9a-f]{16,32}");
                }));

        List<Line> lines = serviceLines();
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.json()).as("%s: not JSON: %s", line.file(), line.text()).isNotNull();
            assertThat(field(line.json(), "@timestamp")).as(line.text()).isNotBlank();
            assertThat(field(line.json(), "log.level")).as(line.text()).isNotBlank();
            assertThat(line.json().has("message")).as(line.text()).isTrue();
            assertThat(line.text()).as("%s leaks personal data", line.file()).doesNotContain(secrets.toArray(String[]::new));
        });
    }

    record Line(String file, String text, JsonNode json) {
    }

    /** Every complete line of every service's log (a line still being written has no newline yet). */
    static List<Line> serviceLines() throws IOException {
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
        List<Line> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int end = content.lastIndexOf('\n');
                if (end < 0) {
                    continue;
                }
                content.substring(0, end).lines().filter(text -> !text.isBlank())
                        .forEach(text -> lines.add(new Line(file.getFileName().toString(), text, parse(text))));
            }
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        return lines;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = Client.JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        }
        catch (JsonProcessingException ex) {
            return null;
        }
    }

    /** An ECS field by its dotted name, written nested ({@code "log":{"level":…}}) or flat ({@code "log.level"}). */
    static String field(JsonNode line, String name) {
        if (line == null) {
            return null;
        }
        if (line.has(name)) {
            return line.get(name).asText();
        }
        JsonNode nested = line.at("/" + name.replace(".", "/"));
        return nested.isMissingNode() || nested.isNull() ? null : nested.asText();
    }
}
