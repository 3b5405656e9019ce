package ru.promtour.reporting.settlement;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Which months are closed, in the collection {@code statementMonths} (one document per month, its id the month). */
@Component
public class ClosedMonths {

    static final String COLLECTION = "statementMonths";
    static final String CLOSING = "CLOSING";
    static final String CLOSED = "CLOSED";
    /** How long a close may take before another may take it over (a month's lines are written in seconds). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final MongoOperations mongo;

    public ClosedMonths(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * A month being closed or closed.
     *
     * @param id       the month, {@code yyyy-MM}
     * @param state    {@code CLOSING} while its lines are written, then {@code CLOSED}
     * @param closedAt when the close began: changes of its bookings after it are adjustments
     * @param closedBy the admin's token subject
     */
    public record ClosedMonth(String id, String state, Instant closedAt, String closedBy, int lines) {

        public boolean closed() {
            return CLOSED.equals(state);
        }
    }

    /** Every closed month by month (a few dozen a year: read whole). */
    public Map<String, ClosedMonth> closed() {
        return mongo.find(Query.query(Criteria.where("state").is(CLOSED)), ClosedMonth.class, COLLECTION).stream()
                .collect(Collectors.toMap(ClosedMonth::id, Function.identity()));
    }

    public boolean isClosed(String month) {
        ClosedMonth found = mongo.findById(month, ClosedMonth.class, COLLECTION);
        return found != null && found.closed();
    }

    /**
     * Marks a month as being closed; false when it is closed or another close of it is at work. A close that failed
     * half-way leaves the month {@code CLOSING}: once that is older than {@link #LEASE} a new close takes it over. The
     * upsert matches only such a stale close, so for a closed month or a close at work it tries to insert a second
     * document with the same id and fails; for a month never closed it inserts.
     */
    boolean begin(ClosedMonth closing) {
        Criteria stale = Criteria.where("_id").is(closing.id()).and("state").is(CLOSING)
                .and("closedAt").lt(closing.closedAt().minus(LEASE));
        try {
            mongo.upsert(Query.query(stale), Update.update("state", CLOSING).set("closedAt", closing.closedAt())
                    .set("closedBy", closing.closedBy()).set("lines", 0), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException closedOrBusy) {
            return false;
        }
    }

    void finish(ClosedMonth closed) {
        mongo.save(closed, COLLECTION);
    }
}
