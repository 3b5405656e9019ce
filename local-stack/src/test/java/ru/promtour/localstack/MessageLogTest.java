package ru.promtour.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLogTest {

    @TempDir
    Path dir;

    @Test
    void aReopenedLogKeepsItsMessagesInOrder() {
        Path file = dir.resolve("messages.jsonl");
        try (MessageLog log = new MessageLog(file)) {
            log.record(sms("1", "+79160000001", "first"));
            log.record(email("2", "Guest@Example.com", "second"));
        }

        try (MessageLog reopened = new MessageLog(file)) {
            assertThat(reopened.list()).extracting(Message::body).containsExactly("second", "first");
            assertThat(reopened.find("1")).hasValueSatisfying(m -> assertThat(m.to()).isEqualTo("+79160000001"));
            reopened.record(sms("3", "+79160000001", "third"));
        }

        try (MessageLog again = new MessageLog(file)) {
            assertThat(again.list()).extracting(Message::id).containsExactly("3", "2", "1");
            assertThat(again.list().get(1)).isEqualTo(email("2", "Guest@Example.com", "second"));
        }
    }

    @Test
    void filtersEmailsCaseInsensitivelyAndPhonesExactly() {
        try (MessageLog log = new MessageLog(dir.resolve("messages.jsonl"))) {
            log.record(email("1", "Guest@Example.com", "mail"));
            log.record(sms("2", "+79160000001", "sms"));

            assertThat(log.list(m -> m.isFor("guest@example.COM"))).extracting(Message::id).containsExactly("1");
            assertThat(log.list(m -> m.isFor("+79160000001"))).extracting(Message::id).containsExactly("2");
            assertThat(log.list(m -> m.isFor("79160000001"))).isEmpty();
        }
    }

    @Test
    void clearEmptiesTheFileTooAndTheLogKeepsWorking() {
        Path file = dir.resolve("messages.jsonl");
        try (MessageLog log = new MessageLog(file)) {
            log.record(sms("1", "+79160000001", "gone"));
            log.clear();
            log.record(sms("2", "+79160000001", "kept"));
        }

        try (MessageLog reopened = new MessageLog(file)) {
            assertThat(reopened.list()).extracting(Message::body).containsExactly("kept");
            assertThat(reopened.find("1")).isEmpty();
        }
    }

    @Test
    void memoryKeepsOnlyTheNewestMessagesAlsoAfterAReload() {
        Path file = dir.resolve("messages.jsonl");
        try (MessageLog log = new MessageLog(file, 2)) {
            log.record(sms("1", "+79160000001", "one"));
            log.record(sms("2", "+79160000001", "two"));
            log.record(sms("3", "+79160000001", "three"));

            assertThat(log.list()).extracting(Message::id).containsExactly("3", "2");
            assertThat(log.find("1")).isEmpty();
        }

        try (MessageLog reopened = new MessageLog(file, 2)) {
            assertThat(reopened.list()).extracting(Message::id).containsExactly("3", "2");
        }
        try (MessageLog all = new MessageLog(file, 10)) {
            assertThat(all.list()).extracting(Message::id).containsExactly("3", "2", "1");
        }
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        Path file = dir.resolve("messages.jsonl");
        try (MessageLog log = new MessageLog(file)) {
            log.record(sms("1", "+79160000001", "whole"));
        }
        Files.writeString(file, "{\"id\":\"2\",\"chan", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (MessageLog reopened = new MessageLog(file)) {
            assertThat(reopened.list()).extracting(Message::id).containsExactly("1");
        }
    }

    private static Message sms(String id, String to, String text) {
        return new Message(id, Message.Channel.SMS, "PromTour", to, null, text, Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static Message email(String id, String to, String text) {
        return new Message(id, Message.Channel.EMAIL, "no-reply@promtour.ru", to, "Subject", text,
                Instant.parse("2026-11-20T10:00:01.123Z"));
    }
}
