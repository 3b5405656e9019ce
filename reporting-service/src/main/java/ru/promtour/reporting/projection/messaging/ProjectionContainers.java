package ru.promtour.reporting.projection.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.support.DaemonTimer;
import ru.promtour.reporting.config.ReportingProperties;
import ru.promtour.reporting.projection.BookingEvent;
import ru.promtour.reporting.projection.Generations;
import ru.promtour.reporting.projection.ProgramEvent;
import ru.promtour.reporting.projection.ProjectionStore;
import ru.promtour.reporting.projection.SlotEvent;

/**
 * Feeds the projection: one listener container per generation being built or read, each its own consumer group
 * ({@code reporting-service.g<N>}). The live generation's group continues where it stopped; a rebuild's group is new,
 * so it starts at the first offset of every partition ({@code auto-offset-reset=earliest}) and replays the topics
 * into fresh collections while the live one keeps answering.
 * <p>
 * Every instance reconciles on a timer: it runs the containers of the current generation and of a running rebuild,
 * stops any other, and switches to the rebuild once the rebuild's group has committed the end offsets the topics had
 * when it started (whichever instance sees it first switches; the others follow on their next turn).
 */
@Component
public class ProjectionContainers implements SmartLifecycle {

    /** The topics the projection reads: catalog's programs and slots, booking's lifecycle. */
    public static final List<String> TOPICS = List.of("catalog.excursions.v1", "catalog.slots.v1", "booking.bookings.v1");

    private static final Logger log = LoggerFactory.getLogger(ProjectionContainers.class);

    private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;
    private final KafkaAdmin kafkaAdmin;
    private final Generations generations;
    private final ProjectionStore store;
    private final ReportingProperties.Projection properties;
    private final Map<Integer, ConcurrentMessageListenerContainer<Object, Object>> running = new ConcurrentHashMap<>();
    // the store or the broker may be away for a moment: the next turn tries again
    private final DaemonTimer timer = new DaemonTimer("reporting-projection",
            ex -> log.warn("Projection reconcile failed: {}", ex.toString()));
    private volatile Admin admin;

    ProjectionContainers(ConcurrentKafkaListenerContainerFactory<Object, Object> factory, KafkaAdmin kafkaAdmin,
                         Generations generations, ProjectionStore store, ReportingProperties properties) {
        this.factory = factory;
        this.kafkaAdmin = kafkaAdmin;
        this.generations = generations;
        this.store = store;
        this.properties = properties.projection();
    }

    @Override
    public void start() {
        timer.start(this::reconcile, properties.reconcileInterval(), properties.reconcileInterval(), this::reconcile);
    }

    @Override
    public void stop() {
        timer.stop();
        running.values().forEach(ConcurrentMessageListenerContainer::stop);
        running.clear();
        Admin a = admin;
        if (a != null) {
            a.close();
            admin = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer.isRunning();
    }

    /** The consumer group of a generation. */
    public String group(int generation) {
        return properties.groupPrefix() + ".g" + generation;
    }

    /** The generations this instance feeds now. */
    public Set<Integer> feeding() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Starts a rebuild into a new generation, up to the topics' end offsets now.
     *
     * @return the rebuild, or empty when one is running already
     */
    public Optional<Generations.Rebuild> startRebuild(String requestedBy) {
        Optional<Generations.Rebuild> started = generations.startRebuild(endOffsets(), requestedBy);
        started.ifPresent(rebuild -> {
            store.drop(rebuild.generation()); // leftovers of an earlier attempt with this number
            log.info("Projection rebuild into generation {} requested by {}, up to {}", rebuild.generation(),
                    requestedBy, rebuild.targets());
            timer.runNow(this::reconcile);
        });
        return started;
    }

    synchronized void reconcile() {
        int current = generations.current();
        Optional<Generations.Rebuild> rebuild = generations.rebuild().filter(Generations.Rebuild::running);
        if (rebuild.isPresent() && rebuild.get().from() != current) {
            rebuild = Optional.empty(); // switched already by another instance
        }
        Set<Integer> wanted = new HashSet<>();
        wanted.add(current);
        rebuild.ifPresent(r -> wanted.add(r.generation()));
        for (Integer generation : new ArrayList<>(running.keySet())) {
            if (!wanted.contains(generation)) {
                running.remove(generation).stop();
                log.info("Stopped feeding projection generation {}", generation);
            }
        }
        for (Integer generation : wanted) {
            running.computeIfAbsent(generation, this::startContainer);
        }
        if (rebuild.isPresent() && caughtUp(rebuild.get())) {
            Generations.Rebuild r = rebuild.get();
            if (generations.switchTo(r.from(), r.generation())) {
                log.info("Projection generation {} caught up: the reports read it now; generation {} dropped",
                        r.generation(), r.from());
                ConcurrentMessageListenerContainer<Object, Object> old = running.remove(r.from());
                if (old != null) {
                    old.stop();
                }
                store.drop(r.from());
            }
        }
    }

    private ConcurrentMessageListenerContainer<Object, Object> startContainer(int generation) {
        store.ensureIndexes(generation);
        ConcurrentMessageListenerContainer<Object, Object> container =
                factory.createContainer(TOPICS.toArray(String[]::new));
        container.getContainerProperties().setGroupId(group(generation));
        container.getContainerProperties().setClientId("reporting-g" + generation);
        container.setConcurrency(properties.concurrency());
        container.setBeanName("reporting-projection-g" + generation);
        container.getContainerProperties().setMessageListener(
                (MessageListener<Object, Object>) record -> handle(generation, record));
        container.start();
        log.info("Feeding projection generation {} (group {})", generation, group(generation));
        return container;
    }

    private void handle(int generation, ConsumerRecord<Object, Object> record) {
        String type = CloudEventHeaders.type(record.headers());
        Object value = record.value();
        if (value instanceof BookingEvent event) {
            String id = CloudEventHeaders.id(record.headers());
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("Event without " + CloudEventHeaders.ID + " on " + record.topic());
            }
            Instant time = CloudEventHeaders.time(record.headers());
            store.applyBooking(generation, id, type, time == null ? Instant.ofEpochMilli(record.timestamp()) : time, event);
        }
        else if (value instanceof SlotEvent event) {
            store.applySlot(generation, event);
        }
        else if (value instanceof ProgramEvent event) {
            store.applyProgram(generation, !ProjectionEventTypes.UNPUBLISHED.equals(type), event);
        }
    }

    /** Whether the rebuild's group has committed every partition's target offset. */
    private boolean caughtUp(Generations.Rebuild rebuild) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin().listConsumerGroupOffsets(group(rebuild.generation())).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException ex) {
            log.warn("Cannot read the offsets of {}: {}", group(rebuild.generation()), ex.toString());
            return false;
        }
        for (Map.Entry<String, Long> target : rebuild.targets().entrySet()) {
            if (target.getValue() == 0) {
                continue;
            }
            int colon = target.getKey().lastIndexOf(':');
            TopicPartition partition = new TopicPartition(target.getKey().substring(0, colon),
                    Integer.parseInt(target.getKey().substring(colon + 1)));
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null || offset.offset() < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Long> endOffsets() {
        try {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> topics =
                    admin().describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            topics.values().forEach(t -> t.partitions().forEach(p ->
                    latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> targets = new TreeMap<>();
            ends.forEach((tp, info) -> targets.put(tp.topic() + ":" + tp.partition(), info.offset()));
            return targets;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the topics' end offsets", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Cannot read the topics' end offsets: " + ex.getCause(), ex);
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                a = admin;
            }
        }
        return a;
    }
}
