package ru.promtour.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Free ports for tests, so the module's tests run while a real local stack uses the default ones. */
final class FreePorts {

    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (handedOut.add(port)) {
                    return port;
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    static LocalStackConfig config(Path dataDir, String smsToken) {
        return new LocalStackConfig(dataDir, next(), next(), next(), next(), next(), next(), smsToken,
                MessageLog.DEFAULT_RETAIN);
    }
}
