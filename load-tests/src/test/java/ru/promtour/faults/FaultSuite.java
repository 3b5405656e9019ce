package ru.promtour.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Runs each fault scenario against {@code ./run.sh}'s processes and writes the table of {@code docs/reliability.md}
 * ({@link Reliability}). Per scenario: a fresh program with small slots, the {@link Workload} for
 * {@code faults.loadSeconds}, the fault {@code faults.faultAfter} seconds in, then the settle phase: the count
 * ({@link Checks}) is repeated until it comes out whole once every hold of the run is past its expiry (or a time
 * limit passes, and the count is reported with its problems). Started by {@code load-tests/faults.sh}; system properties:
 * {@code faults.root}, {@code faults.data} (the stack's data folder), {@code faults.scenarios} (default all),
 * {@code faults.loadSeconds} (40), {@code faults.threads} (12), {@code faults.out}, {@code faults.dir}.
 */
public final class FaultSuite {

    /** What a fault did: when it began and when the broken part was whole again (restarted, back up, sent). */
    record Window(long startedMillis, long endedMillis, String note) {
    }

    /** Breaks something; returns once it is mended (or the mending is scheduled), with its window. */
    interface Fault {
        Window inject(Stack stack, String scenario) throws Exception;
    }

    record Scenario(String name, String description, Fault fault) {
    }

    private static final String GATEWAY = property("faults.gateway", "http://localhost:8080");
    private static final String ADMIN_KEY = property("faults.adminKey", "dev-admin-key-change-me");
    private static final int CAPACITY = 100;
    private static final int SLOTS = 6;
    private static final long HOLD_MILLIS = 60_000;
    private static final long SETTLE_LIMIT_MILLIS = 240_000;

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(property("faults.root", ".")).toAbsolutePath().normalize();
        Path dir = Path.of(property("faults.dir", root.resolve("load-tests/target/faults").toString()));
        Files.createDirectories(dir);
        Stack stack = new Stack(root, Path.of(property("faults.data", root.resolve(".data").toString())), dir,
                property("faults.messages", "http://localhost:8025"));
        Poison poison = new Poison(property("faults.kafka", "localhost:9092"));
        long loadSeconds = Long.parseLong(property("faults.loadSeconds", "40"));
        long faultAfter = Long.parseLong(property("faults.faultAfter", "10"));
        int threads = Integer.parseInt(property("faults.threads", "12"));
        List<Poison.Found>[] poisoned = new List[1];

        List<Scenario> all = List.of(
                kill("booking-service"), kill("catalog-service"), kill("notification-service"), kill("gateway"),
                new Scenario("stack-outage", "local stack (Kafka broker, store, SMTP, SMS) stopped for 10 s, then started", (s, name) -> {
                    long t0 = System.currentTimeMillis();
                    s.stop("local-stack");
                    Thread.sleep(10_000);  // the outage's length is the scenario
                    s.start("local-stack", name);
                    return new Window(t0, System.currentTimeMillis(), "stopped, 10 s, started again");
                }),
                new Scenario("sinks-down", "SMTP catcher and SMS API down for 60 s", (s, name) -> {
                    s.fault("smtp", "down", Duration.ofSeconds(60), null);
                    s.fault("sms", "down", Duration.ofSeconds(60), null);
                    long t0 = System.currentTimeMillis();
                    return new Window(t0, t0 + 60_000, "both listeners closed for 60 s");
                }),
                new Scenario("sms-500", "SMS API answering 500 for 60 s", (s, name) -> {
                    s.fault("sms", "error", Duration.ofSeconds(60), null);
                    long t0 = System.currentTimeMillis();
                    return new Window(t0, t0 + 60_000, "every SMS refused with 500 for 60 s");
                }),
                new Scenario("sms-slow", "SMS API answering after 5 s (longer than the sender's 3 s timeout) for 60 s", (s, name) -> {
                    s.fault("sms", "slow", Duration.ofSeconds(60), Duration.ofSeconds(5));
                    long t0 = System.currentTimeMillis();
                    return new Window(t0, t0 + 60_000, "each SMS accepted 5 s late for 60 s");
                }),
                new Scenario("poison", "4 poison records (undecodable, wrong shape, required fields missing, type of no known producer) "
                        + "on each of the 5 consumed topics",
                        (s, name) -> {
                            long t0 = System.currentTimeMillis();
                            List<Poison.Sent> sent = poison.send();
                            poisoned[0] = List.of();
                            Thread.sleep(20_000);  // the dead-letter path takes the records' own retries' time
                            poisoned[0] = poison.find(sent);
                            return new Window(t0, System.currentTimeMillis(), sent.size() + " records");
                        }));
        String only = property("faults.scenarios", "");
        List<Scenario> scenarios = only.isBlank() ? all
                : all.stream().filter(s -> List.of(only.split(",")).contains(s.name())).toList();

        ArrayNode results = Client.JSON.createArrayNode();
        try (MongoClient mongo = MongoClients.create(property("faults.mongo", "mongodb://localhost:27017"))) {
            Tenants tenants = Tenants.create(GATEWAY, ADMIN_KEY, 3);
            Checks checks = new Checks(mongo, stack.messages());
            for (Scenario scenario : scenarios) {
                System.out.printf("== %s: %s%n", scenario.name(), scenario.description());
                Workload.Site site = tenants.site(scenario.name(), LocalDate.now().plusDays(20 + results.size()), SLOTS, CAPACITY);
                History history = new History();
                Workload workload = new Workload(site, tenants.operators(), history, threads, loadSeconds);
                long loadStart = System.currentTimeMillis();
                workload.start();
                Thread.sleep(faultAfter * 1000);  // traffic flows before the fault
                Window window = scenario.fault().inject(stack, scenario.name());
                workload.awaitEnd();
                long loadEnd = System.currentTimeMillis();
                ObjectNode result = settle(scenario, site, history, checks, window, loadStart, loadEnd);
                if (scenario.name().equals("poison")) {
                    poisoned[0] = poison.find(poisoned[0].stream().map(Poison.Found::sent).toList());
                    result.set("poison", Reliability.poisonJson(poisoned[0]));
                    // recovery of the poison scenario: until the last copy reached its dead-letter topic
                    boolean allFound = poisoned[0].stream().allMatch(f -> f.secondsByGroup().keySet().containsAll(f.sent().topic().groups()));
                    double slowest = poisoned[0].stream().flatMap(f -> f.secondsByGroup().values().stream()).mapToDouble(d -> d).max().orElse(0);
                    result.put("recoveryMillis", allFound ? Math.round(slowest * 1000) : -1);
                }
                results.add(result);
                Client.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("results.json").toFile(), results);
                System.out.println("   " + Reliability.line(result));
            }
        }
        Path out = Path.of(property("faults.out", root.resolve("docs/reliability.md").toString()));
        Reliability.write(out, results, Map.of("loadSeconds", loadSeconds, "faultAfter", faultAfter, "threads", threads,
                "operators", 3, "slots", SLOTS, "capacity", CAPACITY));
        System.out.println("Written " + out);
    }

    private static Scenario kill(String name) {
        return new Scenario("kill-" + name.replace("-service", ""), "kill -9 of " + name + ", then ./run.sh starts it again", (s, scenario) -> {
            long t0 = System.currentTimeMillis();
            s.kill(name);
            s.start(name, scenario);
            return new Window(t0, System.currentTimeMillis(), "killed, started again, healthy");
        });
    }

    /**
     * Counts until whole (recovery: from the fault's end until then) and once more after every hold has expired (the
     * figure in the table). A count that never comes out whole is reported with its problems.
     */
    private static ObjectNode settle(Scenario scenario, Workload.Site site, History history, Checks checks, Window window,
                                     long loadStart, long loadEnd) throws InterruptedException {
        long lastHold = history.bookings().stream().mapToLong(b -> b.heldAt).max().orElse(loadEnd);
        long expiredBy = lastHold + HOLD_MILLIS + 15_000;  // the hold, plus the expiry sweep's 5 s and its events
        long deadline = Math.max(expiredBy, window.endedMillis()) + SETTLE_LIMIT_MILLIS;
        Checks.Count count;
        while (true) {
            try {
                count = checks.count(site, history);
            }
            catch (MongoException ex) {
                // the suite's own connection to the store broke (it restarted in the outage scenario): count again
                System.out.println("   count interrupted (" + ex.getMessage() + "), counting again");
                Thread.sleep(1_000);
                continue;
            }
            long now = System.currentTimeMillis();
            if ((count.whole() && now >= expiredBy) || now > deadline) {
                break;
            }
            Thread.sleep(5_000);  // the settle phase: events, retries and expiries catch up
        }
        long recovery = recovery(history, window);
        ObjectNode result = Client.JSON.createObjectNode();
        result.put("scenario", scenario.name()).put("description", scenario.description()).put("fault", window.note());
        result.put("requests", history.requests());
        ObjectNode errors = result.putObject("errors");
        history.errors().forEach(errors::put);
        result.put("shedWithoutRetryAfter", history.shedWithoutRetryAfter()).put("hung", history.hung())
                .put("slowestMillis", history.slowest())
                .put("longestGapMillis", history.longestGapWithoutSuccess(loadStart, loadEnd))
                .put("faultMillis", window.endedMillis() - window.startedMillis())
                .put("recoveryMillis", recovery);
        result.put("bookings", count.bookings()).put("confirmed", count.confirmed()).put("lost", count.lost())
                .put("oversold", count.oversold()).put("messagesLost", count.messagesLost())
                .put("messagesDuplicated", count.messagesDuplicated()).put("unexpired", count.unexpired())
                .put("heldSeats", count.heldSeats()).put("soldSeats", count.soldSeats());
        ArrayNode problems = result.putArray("problems");
        count.problems().stream().limit(50).forEach(problems::add);
        return result;
    }

    /**
     * From the fault's start until the platform was whole again: the clients served again (the first answer other than a
     * shed, a 5xx or silence to a request sent after the broken part came back) and every booking confirmed up to then notified (its leader's confirmation
     * email and SMS received). -1 when a booking confirmed by then never got both.
     */
    private static long recovery(History history, Window window) {
        long whole = window.endedMillis();
        long served = history.firstServedStartedAfter(window.endedMillis());
        whole = Math.max(whole, served);
        for (History.Booking booking : history.bookings()) {
            if (booking.confirmedAt > 0 && booking.confirmedAt <= window.endedMillis() && booking.email != null) {
                if (booking.notifiedAt == 0) {
                    return -1;
                }
                whole = Math.max(whole, booking.notifiedAt);
            }
        }
        return whole - window.startedMillis();
    }

    static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
