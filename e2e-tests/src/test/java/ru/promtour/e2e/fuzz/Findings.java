package ru.promtour.e2e.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes each finding as one JSON file under {@code <dir>/findings/} (the seed, the request exactly as sent, the
 * answer, what is wrong with it), and each service's summary as {@code <dir>/summary-<service>.json}.
 */
public final class Findings {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of a body to see what it was; its full length is recorded beside it. */
    private static final int KEEP = 4000;

    private final Path dir;

    public Findings(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("findings"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Path dir() {
        return dir;
    }

    void record(long seed, int index, String caller, FuzzRequest request, int status, String contentType, String body,
            Iterable<String> problems) {
        ObjectNode finding = JSON.createObjectNode();
        finding.put("seed", seed);
        finding.put("index", index);
        finding.put("service", request.operation().service());
        finding.put("operation", request.operation().id());
        finding.put("mutation", request.mutation().name());
        finding.put("caller", caller);
        problems.forEach(finding.putArray("problems")::add);
        ObjectNode sent = finding.putObject("request");
        sent.put("method", request.method());
        sent.put("path", request.path());
        sent.put("contentType", request.body() == null ? null : request.contentType());
        sent.put("octoCapabilities", request.octoCapabilities());
        putText(sent, "body", request.body());
        ObjectNode answer = finding.putObject("response");
        answer.put("status", status);
        answer.put("contentType", contentType);
        putText(answer, "body", body);
        write("findings/" + request.operation().service() + "-" + index + ".json", finding);
    }

    void summary(String service, Map<String, Object> figures) {
        write("summary-" + service + ".json", JSON.valueToTree(figures));
    }

    private static void putText(ObjectNode node, String field, String text) {
        if (text != null) {
            node.put(field, text.length() <= KEEP ? text : text.substring(0, KEEP));
            node.put(field + "Length", text.length());
        }
    }

    private void write(String name, Object tree) {
        try {
            Files.writeString(dir.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
