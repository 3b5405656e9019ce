package ru.promtour.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's Kafka topics, read from {@code topics.txt} next to this class: the one place a new
 * topic is added. Each topic comes with its dead-letter topic {@code <topic>-dlt} (the Spring Kafka 4
 * naming), which needs fewer partitions because it only carries poison records, and keeps them
 * {@link #DLT_RETENTION_MS} (14 days: time to inspect and replay, and no longer, as they may hold personal data).
 * A line may add topic configs after the partitions ({@code retention.ms=-1}: the topics reporting-service replays).
 */
public record PlatformTopics(Map<String, Integer> partitionsByTopic, Map<String, Map<String, String>> configsByTopic) {

    public static final int DEFAULT_PARTITIONS = 6;
    public static final int DLT_PARTITIONS = 3;
    public static final String DLT_SUFFIX = "-dlt";
    public static final long DLT_RETENTION_MS = 14L * 24 * 60 * 60 * 1000;

    public PlatformTopics(Map<String, Integer> partitionsByTopic) {
        this(partitionsByTopic, Map.of());
    }

    /** The topics of {@code topics.txt}, each followed by its dead-letter topic. */
    public static PlatformTopics load() {
        try (InputStream in = PlatformTopics.class.getResourceAsStream("topics.txt")) {
            if (in == null) {
                throw new IllegalStateException("topics.txt is missing next to " + PlatformTopics.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read topics.txt", ex);
        }
    }

    static PlatformTopics parse(List<String> lines) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            int partitions = DEFAULT_PARTITIONS;
            Map<String, String> topicConfigs = new TreeMap<>();
            for (int i = 1; i < fields.length; i++) {
                int eq = fields[i].indexOf('=');
                if (eq > 0) {
                    topicConfigs.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
                }
                else if (i == 1 && fields[i].matches("\\d+")) {
                    partitions = Integer.parseInt(fields[i]);
                }
                else {
                    throw new IllegalStateException("topics.txt: expected '<name> [partitions] [config=value ...]', got '"
                            + line + "'");
                }
            }
            topics.put(fields[0], partitions);
            topics.put(fields[0] + DLT_SUFFIX, DLT_PARTITIONS);
            if (!topicConfigs.isEmpty()) {
                configs.put(fields[0], Map.copyOf(topicConfigs));
            }
        }
        return new PlatformTopics(Map.copyOf(topics), Map.copyOf(configs));
    }

    public Collection<String> names() {
        return new ArrayList<>(new TreeMap<>(partitionsByTopic).keySet());
    }

    /** Creates the missing topics on {@code broker}; existing ones stay as they are. */
    public void createOn(KafkaBroker broker) {
        partitionsByTopic.forEach((topic, partitions) -> {
            if (!topic.endsWith(DLT_SUFFIX)) {
                broker.createTopics(List.of(topic), partitions, configsByTopic.getOrDefault(topic, Map.of()));
            }
        });
        broker.createTopics(deadLetterTopics(), DLT_PARTITIONS, Map.of("retention.ms", String.valueOf(DLT_RETENTION_MS)));
    }

    List<String> deadLetterTopics() {
        return names().stream().filter(name -> name.endsWith(DLT_SUFFIX)).toList();
    }
}
