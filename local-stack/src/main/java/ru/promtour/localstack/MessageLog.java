package ru.promtour.localstack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every email and SMS the local stack caught, kept in memory and appended to a JSON-lines file, so
 * that a restart of the stack (or of the whole machine) still shows what was sent. The file is read
 * once at start; a torn last line (the process was killed mid-write) is skipped, not fatal.
 * <p>
 * Memory holds the newest {@code retain} messages only (the file keeps them all until
 * {@link #clear()}): a load test that books ten thousand seats must not exhaust the heap shared
 * with the Kafka broker.
 */
public final class MessageLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageLog.class);

    public static final int DEFAULT_RETAIN = 10_000;

    private final Path file;
    private final int retain;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Deque<Message> messages = new ArrayDeque<>();
    private final Map<String, Message> byId = new HashMap<>();
    private BufferedWriter writer;

    /** Opens (or creates) the log at {@code file} and loads what it already holds. */
    public MessageLog(Path file) {
        this(file, DEFAULT_RETAIN);
    }

    /** Opens (or creates) the log at {@code file}, keeping the newest {@code retain} messages in memory. */
    public MessageLog(Path file, int retain) {
        if (retain < 1) {
            throw new IllegalArgumentException("retain must be at least 1, was " + retain);
        }
        this.retain = retain;
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
            if (Files.exists(this.file)) {
                load();
            }
            writer = openForAppend();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the message log " + this.file, ex);
        }
    }

    private void load() throws IOException {
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                remember(json.readValue(line, Message.class));
            }
            catch (JacksonException ex) {
                log.warn("Skipping unreadable line {} of {}: {}", lineNumber, file, ex.getOriginalMessage());
            }
        }
    }

    private BufferedWriter openForAppend() throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Keeps the message and appends it to the file before returning. */
    public synchronized void record(Message message) {
        try {
            writer.write(json.writeValueAsString(message));
            writer.write('\n');
            writer.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot append to the message log " + file, ex);
        }
        remember(message);
    }

    private void remember(Message message) {
        messages.addLast(message);
        if (message.id() != null) {
            byId.put(message.id(), message);
        }
        if (messages.size() > retain) {
            Message oldest = messages.removeFirst();
            if (oldest.id() != null) {
                byId.remove(oldest.id(), oldest);
            }
        }
    }

    /** All messages, newest first. */
    public List<Message> list() {
        return list(m -> true);
    }

    /** The messages matching {@code filter}, newest first. */
    public synchronized List<Message> list(Predicate<Message> filter) {
        List<Message> result = new ArrayList<>();
        for (Iterator<Message> newestFirst = messages.descendingIterator(); newestFirst.hasNext(); ) {
            Message message = newestFirst.next();
            if (filter.test(message)) {
                result.add(message);
            }
        }
        return result;
    }

    public synchronized Optional<Message> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized int size() {
        return messages.size();
    }

    /** Forgets every message, in memory and in the file. */
    public synchronized void clear() {
        try {
            writer.close();
            Files.write(file, new byte[0]);
            writer = openForAppend();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot clear the message log " + file, ex);
        }
        messages.clear();
        byId.clear();
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        }
        catch (IOException ex) {
            log.warn("Cannot close the message log {}: {}", file, ex.toString());
        }
    }
}
