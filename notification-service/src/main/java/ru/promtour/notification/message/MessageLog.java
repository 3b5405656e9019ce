package ru.promtour.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The delivery log in MongoDB and the only code that changes a message's status. Every transition is
 * one conditional single-document update, so two dispatchers (threads or instances) never both own a
 * message, and a late writer whose claim was taken over changes nothing: the {@code SENDING} claim is
 * fenced by its {@code sendingSince}.
 */
@Component
public class MessageLog implements SmartInitializingSingleton {

    private final MongoOperations mongo;
    private final Clock clock;

    public MessageLog(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // the idempotency key: one message per event, channel and recipient, however often the event comes
        mongo.indexOps(Message.COLLECTION).createIndex(new Index().on("key", Sort.Direction.ASC).unique().named("key_unique"));
        mongo.indexOps(Message.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("channel", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(Message.COLLECTION).createIndex(new Index().on("bookingId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("booking"));
    }

    /**
     * Stores a new message (QUEUED, or FAILED when it can never be sent).
     *
     * @return false when a message with the same idempotency key exists (a redelivered event)
     */
    public boolean insert(Message message) {
        try {
            mongo.insert(message);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /** Claims the most overdue QUEUED message of the channel: {@code QUEUED → SENDING}, one attempt more. */
    public Optional<Message> claimNext(Channel channel) {
        Instant now = clock.instant();
        Query due = query(where("status").is(MessageStatus.QUEUED).and("channel").is(channel)
                .and("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt"));
        Update claim = new Update().set("status", MessageStatus.SENDING).set("sendingSince", now)
                .set("updatedAt", now).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                Message.class));
    }

    /** {@code SENDING → SENT}, only for the claim that sent it. */
    public boolean markSent(Message claimed, String providerMessageId) {
        Instant now = clock.instant();
        return transition(claimed, new Update().set("status", MessageStatus.SENT).set("providerMessageId", providerMessageId)
                .set("sentAt", now).set("updatedAt", now).unset("lastError"));
    }

    /**
     * {@code SENDING → QUEUED} for a later attempt.
     *
     * @param refundAttempt true when the provider was never called (breaker open, rate limit), so the
     *                      wait does not eat into the retry budget
     */
    public boolean requeue(Message claimed, Instant nextAttemptAt, String error, boolean refundAttempt) {
        Update update = new Update().set("status", MessageStatus.QUEUED).set("nextAttemptAt", nextAttemptAt)
                .set("lastError", error).set("updatedAt", clock.instant()).unset("sendingSince");
        if (refundAttempt) {
            update.inc("attempts", -1);
        }
        return transition(claimed, update);
    }

    /** {@code SENDING → FAILED}: a permanent refusal or the retry budget is spent. */
    public boolean fail(Message claimed, String error) {
        return transition(claimed, new Update().set("status", MessageStatus.FAILED).set("lastError", error)
                .set("updatedAt", clock.instant()).unset("sendingSince"));
    }

    /**
     * Sends that started before {@code startedBefore} and never finished (the process died between the claim and the
     * outcome) are sent again: back to QUEUED, due now, while the message has attempts left (FAILED otherwise). The
     * provider may have taken the first one, so the repeat carries the same message id — the SMS provider's
     * {@code Idempotency-Key} sends it once, the email's {@code Message-ID} lets mail clients show it once (ADR 0002).
     *
     * @return how many were queued again and how many failed
     */
    public Abandoned requeueAbandonedSends(Instant startedBefore, int maxAttempts) {
        Instant now = clock.instant();
        Criteria abandoned = where("status").is(MessageStatus.SENDING).and("sendingSince").lt(startedBefore);
        long queued = mongo.updateMulti(query(abandoned).addCriteria(where("attempts").lt(maxAttempts)),
                new Update().set("status", MessageStatus.QUEUED).set("nextAttemptAt", now).set("updatedAt", now)
                        .set("lastError", "send interrupted (the process stopped mid-send): sent again with the same message id")
                        .unset("sendingSince"),
                Message.class).getModifiedCount();
        // the same abandoned sends, those the first write left (no attempts left): each Query is built anew
        long failed = mongo.updateMulti(query(abandoned),
                new Update().set("status", MessageStatus.FAILED).set("updatedAt", now)
                        .set("lastError", "send interrupted (the process stopped mid-send) and no attempts left")
                        .unset("sendingSince"),
                Message.class).getModifiedCount();
        return new Abandoned(queued, failed);
    }

    /** What {@link #requeueAbandonedSends} did. */
    public record Abandoned(long queued, long failed) {
    }

    /**
     * {@code FAILED | SENT → QUEUED} with a fresh retry budget; empty when the message is not in one of those states
     * or its body was removed by the retention.
     */
    public Optional<Message> resend(String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(
                // a message whose body was removed (retention: the redactedAt mark) has nothing left to send
                query(where("_id").is(id).and("status").in(MessageStatus.FAILED, MessageStatus.SENT).and(Message.REDACTED_AT).exists(false)),
                new Update().set("status", MessageStatus.QUEUED).set("attempts", 0).set("nextAttemptAt", now)
                        .set("updatedAt", now).inc("resends", 1).unset("lastError"),
                FindAndModifyOptions.options().returnNew(true), Message.class));
    }

    public Optional<Message> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Message.class));
    }

    /** A booking's messages, oldest first. */
    public List<Message> findByBooking(String bookingId) {
        return mongo.find(query(where("bookingId").is(bookingId)).with(Sort.by("createdAt", "_id")), Message.class);
    }

    /** How many messages of a channel wait to be sent now. */
    /** Messages of the channel waiting for their first or a later attempt, or being sent. */
    public long countWaiting(Channel channel) {
        return mongo.count(query(where("status").in(MessageStatus.QUEUED, MessageStatus.SENDING).and("channel").is(channel)),
                Message.class);
    }

    public long countDue(Channel channel) {
        return mongo.count(query(where("status").is(MessageStatus.QUEUED).and("channel").is(channel)
                .and("nextAttemptAt").lte(clock.instant())), Message.class);
    }

    private boolean transition(Message claimed, Update update) {
        return mongo.updateFirst(query(where("_id").is(claimed.id()).and("status").is(MessageStatus.SENDING)
                .and("sendingSince").is(claimed.sendingSince())), update, Message.class).getModifiedCount() == 1;
    }
}
