package ru.promtour.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the clients saw in one scenario, kept for the count afterwards (a Jepsen-style history): every answer, and
 * every booking with what its operator was told and tried.
 */
final class History {

    /** One booking as its operator knows it: what it was told and what it tried since. */
    static final class Booking {
        final Workload.Operator operator;
        final String uuid;
        final String slotId;
        final int units;
        final long heldAt;
        volatile String id;
        volatile String reference;
        volatile String email;
        volatile String phone;
        volatile boolean confirmTried;
        volatile boolean cancelTried;
        volatile boolean toldConfirmed;
        volatile long confirmedAt;
        /** When the last of the leader's confirmation email and SMS arrived (epoch ms), once both have. */
        volatile long notifiedAt;
        volatile boolean toldCancelled;

        Booking(Workload.Operator operator, String uuid, String slotId, int units, long heldAt) {
            this.operator = operator;
            this.uuid = uuid;
            this.slotId = slotId;
            this.units = units;
            this.heldAt = heldAt;
        }
    }

    private final Collection<Client.Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Booking> bookings = new ConcurrentHashMap<>();

    void answered(Client.Answer answer) {
        answers.add(answer);
    }

    void held(Booking booking) {
        bookings.put(booking.uuid, booking);
    }

    Collection<Booking> bookings() {
        return bookings.values();
    }

    int requests() {
        return answers.size();
    }

    /** Error kinds and how often each came ({@code 429}, {@code 503}, {@code connect}, ...). */
    Map<String, Integer> errors() {
        Map<String, Integer> kinds = new TreeMap<>();
        answers.stream().map(Client.Answer::kind).filter(kind -> kind != null).forEach(kind -> kinds.merge(kind, 1, Integer::sum));
        return kinds;
    }

    /** 429 and 503 answers that did not say when to come back. */
    long shedWithoutRetryAfter() {
        return answers.stream().filter(a -> (a.status() == 429 || a.status() == 503) && !a.retryAfter()).count();
    }

    /** Requests still without an answer when the client gave up ({@link Client#TIMEOUT}). */
    long hung() {
        return answers.stream().filter(a -> "timeout".equals(a.failure())).count();
    }

    long slowest() {
        return answers.stream().mapToLong(Client.Answer::millis).max().orElse(0);
    }

    /** The platform answered: a success or a business refusal (a sold-out slot), not a shed, a 5xx or silence. */
    private static boolean served(Client.Answer answer) {
        return answer.status() >= 200 && answer.status() < 500 && answer.status() != 429;
    }

    /** The longest time (ms) between two successive answers that served the client, within the load phase. */
    long longestGapWithoutSuccess(long from, long to) {
        List<Long> times = new ArrayList<>();
        times.add(from);
        answers.stream().filter(History::served).map(a -> a.startedMillis() + a.millis()).filter(t -> t >= from && t <= to)
                .sorted().forEach(times::add);
        times.add(to);
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, times.get(i) - times.get(i - 1));
        }
        return gap;
    }

    /** When the first answer that served a request started at or after {@code after} arrived, or -1. */
    long firstServedStartedAfter(long after) {
        return answers.stream().filter(a -> served(a) && a.startedMillis() >= after).mapToLong(a -> a.startedMillis() + a.millis())
                .min().orElse(-1);
    }
}
