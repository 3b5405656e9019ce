package ru.promtour.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded workload of one scenario: {@code threads} clients spread over the operators, each for {@code seconds}
 * reserving 1–3 seats on a random slot of the scenario's program with a one-minute hold, then confirming (55 %,
 * a few of those cancelled again), cancelling (20 %) or leaving the hold to expire (25 %), with a short pause between
 * bookings. A request that was shed or got no answer is sent again unchanged as a client would (OCTO's uuid makes a
 * reserve idempotent), after the {@code Retry-After} it was given or a second, for at most {@link #GIVE_UP_MILLIS}.
 */
final class Workload {

    /** An operator tenant: its id, key and client. */
    record Operator(String id, String key, Client client) {
    }

    /** The program of one scenario: its OCTO product, unit and slots, each with {@code capacity} seats. */
    record Site(String productId, String unitId, List<String> slots, int capacity, Client enterprise) {
    }

    private static final long GIVE_UP_MILLIS = 45_000;
    private static final AtomicLong PHONES = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);

    private final Site site;
    private final List<Operator> operators;
    private final History history;
    private final int threads;
    private final long seconds;
    private final List<Thread> running = new ArrayList<>();

    Workload(Site site, List<Operator> operators, History history, int threads, long seconds) {
        this.site = site;
        this.operators = operators;
        this.history = history;
        this.threads = threads;
        this.seconds = seconds;
    }

    void start() {
        long end = System.currentTimeMillis() + seconds * 1000;
        for (int i = 0; i < threads; i++) {
            Operator operator = operators.get(i % operators.size());
            Random random = new Random(i * 7919L + System.nanoTime());
            Thread thread = new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    book(operator, random);
                    pause(100 + random.nextInt(200));
                }
            }, "workload-" + i);
            thread.start();
            running.add(thread);
        }
    }

    void awaitEnd() throws InterruptedException {
        for (Thread thread : running) {
            thread.join();
        }
    }

    private void book(Operator operator, Random random) {
        String uuid = UUID.randomUUID().toString();
        String slot = site.slots().get(random.nextInt(site.slots().size()));
        int units = 1 + random.nextInt(3);
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            items.add(Map.of("unitId", site.unitId()));
        }
        Map<String, Object> reserve = new LinkedHashMap<>();
        reserve.put("uuid", uuid);
        reserve.put("productId", site.productId());
        reserve.put("optionId", "DEFAULT");
        reserve.put("availabilityId", slot);
        reserve.put("expirationMinutes", 1);
        reserve.put("unitItems", items);
        Client.Answer held = call(operator, "/octo/bookings", reserve);
        if (!held.ok() || !"ON_HOLD".equals(held.text("/status"))) {
            return;  // sold out, refused or never answered: the count afterwards reads the stores, not this
        }
        History.Booking booking = new History.Booking(operator, uuid, slot, units, System.currentTimeMillis());
        booking.id = held.text("/id");
        booking.reference = held.text("/supplierReference");
        history.held(booking);
        double choice = random.nextDouble();
        if (choice < 0.55) {
            confirm(booking, random);
        }
        else if (choice < 0.75) {
            cancel(booking);
        }
    }

    private void confirm(History.Booking booking, Random random) {
        long n = PHONES.incrementAndGet();
        booking.email = "leader-" + booking.uuid.substring(0, 13) + "@faults.example";
        booking.phone = String.format("+7999%07d", n % 10_000_000);
        booking.confirmTried = true;
        Client.Answer confirmed = call(booking.operator, "/octo/bookings/" + booking.uuid + "/confirm", Map.of("contact", Map.of(
                "fullName", "Руководитель группы", "emailAddress", booking.email, "phoneNumber", booking.phone, "locales", List.of("ru"))));
        if (confirmed.ok() && "CONFIRMED".equals(confirmed.text("/status"))) {
            booking.toldConfirmed = true;
            booking.confirmedAt = System.currentTimeMillis();
            if (random.nextDouble() < 0.15) {
                cancel(booking);
            }
        }
    }

    private void cancel(History.Booking booking) {
        booking.cancelTried = true;
        Client.Answer cancelled = call(booking.operator, "/octo/bookings/" + booking.uuid + "/cancel", Map.of("reason", "fault suite"));
        if (cancelled.ok() && "CANCELLED".equals(cancelled.text("/status"))) {
            booking.toldCancelled = true;
        }
    }

    /** One operation, sent again while it is shed or unanswered, for at most {@link #GIVE_UP_MILLIS}. */
    private Client.Answer call(Operator operator, String path, Object body) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        while (true) {
            Client.Answer answer = operator.client().post(path, body);
            history.answered(answer);
            if (!answer.retryable() || System.currentTimeMillis() >= deadline) {
                return answer;
            }
            pause(answer.retryAfter() ? Math.max(200, answer.retryAfterSeconds() * 1000) : 1000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);  // a client's think time and its back-off, not a wait for the system under test
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
