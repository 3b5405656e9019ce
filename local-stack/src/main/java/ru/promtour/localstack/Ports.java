package ru.promtour.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Port checks. The stack checks every port before starting anything, so a second stack (or another
 * program on 9092) fails in a second with the port named, instead of half-starting Kafka.
 */
final class Ports {

    private Ports() {
    }

    /** Throws {@link IllegalStateException} naming the port when it cannot be bound. */
    static void ensureFree(String host, int port, String what, String envVar) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        }
        catch (IOException ex) {
            throw new IllegalStateException(inUseMessage(host, port, what, envVar), ex);
        }
    }

    static String inUseMessage(String host, int port, String what, String envVar) {
        return "Port " + port + " for the " + what + " is already in use on " + host
                + ". Is another local stack running? Stop it (./run.sh stop), or set " + envVar + " to a free port.";
    }

    /** Whether something accepts TCP connections on {@code host:port} (a cheap liveness probe). */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
