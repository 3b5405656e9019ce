package ru.promtour.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB wire-compatible store ({@code mongo-java-server}): H2-backed files for the local stack,
 * in memory for tests. It has no sessions, transactions or change streams, so the platform relies on
 * single-document atomic updates only (docs/adr/0001).
 */
public final class MongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private final Supplier<MongoBackend> backend;
    private final String host;
    private final int port;
    private MongoServer server;
    private InetSocketAddress address;

    private MongoStore(Supplier<MongoBackend> backend, String host, int port) {
        this.backend = backend;
        this.host = host;
        this.port = port;
    }

    /** A store persisting to {@code file} (an H2 MVStore file), on the given port. */
    public static MongoStore persistent(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException("Cannot create " + file.getParent(), ex);
        }
        String path = file.toAbsolutePath().toString();
        // the H2 file is opened (and locked) on start, not here, and reopened by a start after close
        return new MongoStore(() -> new IdLookupH2Backend(path), host, port);
    }

    /** A store in memory on a free port, for tests. */
    public static MongoStore inMemory() {
        return new MongoStore(MemoryBackend::new, "127.0.0.1", 0); // a start after close begins empty
    }

    public synchronized MongoStore start() {
        if (address == null) {
            MongoServer starting;
            try {
                starting = new MongoServer(backend.get()); // H2: fails when another process holds the file
                starting.bind(host, port); // closes the backend itself when binding fails
            }
            catch (RuntimeException ex) {
                throw new IllegalStateException("Mongo-wire store failed to start on " + host + ":" + port
                        + ": " + ex.getMessage(), ex);
            }
            server = starting;
            address = server.getLocalAddress();
            log.info("Mongo-wire store listening on {}", connectionString());
        }
        return this;
    }

    public synchronized String connectionString() {
        if (address == null) {
            throw new IllegalStateException("The Mongo-wire store is not started");
        }
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public synchronized void close() {
        if (address != null) {
            server.shutdownNow(); // also closes the backend: H2 commits and closes its file
            server = null;
            address = null;
        }
    }
}
