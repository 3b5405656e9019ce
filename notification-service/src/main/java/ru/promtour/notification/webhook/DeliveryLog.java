package ru.promtour.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The webhook deliveries in MongoDB and the only code that changes their status. Every transition is one
 * conditional single-document update: a claim ({@code PENDING → SENDING}) is taken by one dispatcher only, and its
 * outcome is written only by the claim's owner (fenced by {@code sendingSince}), together with the attempt's record.
 */
@Component
public class DeliveryLog implements SmartInitializingSingleton {

    /** How many due deliveries one claim looks at, past those waiting for an earlier one. */
    private static final int CANDIDATES = 20;

    private final MongoOperations mongo;
    private final Clock clock;

    public DeliveryLog(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("key", Sort.Direction.ASC).unique().named("key_unique"));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("webhookId", Sort.Direction.ASC)
                .on("orderKey", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC).named("order"));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("webhookId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("webhook_log"));
    }

    /** @return false when the delivery exists already (its event was delivered to this service before) */
    public boolean insert(Delivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Claims the most overdue delivery whose predecessors (same webhook and order key, lower sequence) are all
     * final: {@code PENDING → SENDING}, one attempt more. A due delivery found waiting is moved to its
     * predecessor's next attempt, so waiting ones do not crowd out the others.
     */
    public Optional<Delivery> claimNext() {
        Instant now = clock.instant();
        List<Delivery> due = mongo.find(query(where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt", "sequence")).limit(CANDIDATES), Delivery.class);
        for (Delivery candidate : due) {
            Delivery earlier = mongo.findOne(query(where("webhookId").is(candidate.webhookId())
                    .and("orderKey").is(candidate.orderKey()).and("sequence").lt(candidate.sequence())
                    .and("status").in(DeliveryStatus.PENDING, DeliveryStatus.SENDING)).with(Sort.by("sequence")),
                    Delivery.class);
            if (earlier != null) {
                Instant after = earlier.status() == DeliveryStatus.PENDING && earlier.nextAttemptAt().isAfter(now)
                        ? earlier.nextAttemptAt() : now.plusSeconds(1);
                mongo.updateFirst(query(where("_id").is(candidate.id()).and("status").is(DeliveryStatus.PENDING)),
                        new Update().set("nextAttemptAt", after), Delivery.class);
                continue;
            }
            Delivery claimed = mongo.findAndModify(query(where("_id").is(candidate.id())
                            .and("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now)),
                    new Update().set("status", DeliveryStatus.SENDING).set("sendingSince", now).set("updatedAt", now)
                            .inc("attemptCount", 1),
                    FindAndModifyOptions.options().returnNew(true), Delivery.class);
            if (claimed != null) {
                return Optional.of(claimed);
            }
        }
        return Optional.empty();
    }

    /** Deliveries waiting for their first or a later attempt, or being sent. */
    public long countWaiting() {
        return mongo.count(query(where("status").in(DeliveryStatus.PENDING, DeliveryStatus.SENDING)), Delivery.class);
    }

    /** {@code SENDING → DELIVERED}, only for the claim that sent it. */
    public boolean delivered(Delivery claimed, Delivery.Attempt attempt) {
        return transition(claimed, attempt, new Update().set("status", DeliveryStatus.DELIVERED)
                .set("deliveredAt", attempt.at()).unset("lastError"));
    }

    /** {@code SENDING → PENDING}, due again at the attempt's {@code nextAttemptAt}. */
    public boolean retryLater(Delivery claimed, Delivery.Attempt attempt) {
        return transition(claimed, attempt, new Update().set("status", DeliveryStatus.PENDING)
                .set("nextAttemptAt", attempt.nextAttemptAt()).set("lastError", attempt.error()));
    }

    /** {@code SENDING → FAILED}: given up. */
    public boolean fail(Delivery claimed, Delivery.Attempt attempt, String why) {
        return transition(claimed, attempt, new Update().set("status", DeliveryStatus.FAILED).set("lastError", why));
    }

    /**
     * Sends that started before {@code startedBefore} and never finished (the process died mid-send) become FAILED
     * "outcome unknown" instead of being sent again: the receiver may have taken them (as ADR 0002 for messages).
     */
    public long failAbandonedSends(Instant startedBefore) {
        return mongo.updateMulti(query(where("status").is(DeliveryStatus.SENDING).and("sendingSince").lt(startedBefore)),
                new Update().set("status", DeliveryStatus.FAILED).set("updatedAt", clock.instant())
                        .set("lastError", "outcome unknown: the send was interrupted (not retried automatically to avoid a duplicate)")
                        .unset("sendingSince"),
                Delivery.class).getModifiedCount();
    }

    /**
     * {@code FAILED | DELIVERED → PENDING} now, with a fresh retry window; empty while it is PENDING or SENDING, or once
     * the retention removed its body.
     */
    public Optional<Delivery> redeliver(String id, Duration giveUpAfter) {
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(
                // a delivery whose body was removed (retention: the redactedAt mark) has nothing left to send
                query(where("_id").is(id).and("status").in(DeliveryStatus.FAILED, DeliveryStatus.DELIVERED)
                        .and(Delivery.REDACTED_AT).exists(false)),
                new Update().set("status", DeliveryStatus.PENDING).set("nextAttemptAt", now)
                        .set("giveUpAt", now.plus(giveUpAfter)).set("updatedAt", now).inc("redeliveries", 1),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** A webhook's deliveries, newest first. */
    public List<Delivery> byWebhook(String webhookId, int limit) {
        return mongo.find(query(where("webhookId").is(webhookId)).with(Sort.by(Sort.Direction.DESC, "createdAt", "sequence"))
                .limit(limit), Delivery.class);
    }

    private boolean transition(Delivery claimed, Delivery.Attempt attempt, Update update) {
        update.push("attempts", attempt).set("updatedAt", clock.instant()).unset("sendingSince");
        Query owned = query(where("_id").is(claimed.id()).and("status").is(DeliveryStatus.SENDING)
                .and("sendingSince").is(claimed.sendingSince()));
        return mongo.updateFirst(owned, update, Delivery.class).getModifiedCount() == 1;
    }
}
