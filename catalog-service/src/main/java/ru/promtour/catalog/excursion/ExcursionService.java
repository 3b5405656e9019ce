package ru.promtour.catalog.excursion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.excursion.messaging.ExcursionEvents;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.shared.FieldProblem;
import ru.promtour.catalog.shared.Ids;
import ru.promtour.catalog.shared.IncompleteException;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;
import ru.promtour.security.tenant.Tenant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The lifecycle of excursion programs. Every write is one update of the excursion document,
 * conditional on the version read, carrying its events in the same update (outbox), then relayed.
 */
@Service
public class ExcursionService {

    private final MongoOperations mongo;
    private final CurrentTenant tenant;
    private final EnterpriseService enterprises;
    private final ExcursionEvents events;
    private final OutboxRelay relay;
    private final ApplicationEventPublisher saved;

    public ExcursionService(MongoOperations mongo, CurrentTenant tenant, EnterpriseService enterprises,
                            ExcursionEvents events, OutboxRelay relay, ApplicationEventPublisher saved) {
        this.mongo = mongo;
        this.tenant = tenant;
        this.enterprises = enterprises;
        this.events = events;
        this.relay = relay;
        this.saved = saved;
    }

    /** A new DRAFT of the calling enterprise; drafts may be incomplete. */
    public Excursion create(ExcursionProgram program) {
        String enterpriseId = tenant.get().id();
        enterprises.require(enterpriseId);
        Instant now = Instant.now();
        Excursion excursion = new Excursion(Ids.next("exc"), enterpriseId, ExcursionStatus.DRAFT, 1, program,
                now, now, null);
        mongo.insert(excursion, Excursion.COLLECTION);
        if (program.openingHoursProduct()) {
            saved.publishEvent(new ExcursionProgramSaved(excursion.id(), program));
        }
        return excursion;
    }

    /** The caller's excursion, or 404 (the same answer for another enterprise's and for an unknown id). */
    public Excursion get(String id) {
        Excursion excursion = mongo.findById(id, Excursion.class, Excursion.COLLECTION);
        if (excursion == null || !tenant.get().canAccessEnterprise(excursion.enterpriseId())) {
            throw new NotFoundForTenantException();
        }
        return excursion;
    }

    /** Read side without an ownership check: the excursion if it is published, else null (OCTO, public catalog). */
    public Excursion findPublished(String id) {
        return mongo.findOne(publishedQuery().addCriteria(where("_id").is(id)), Excursion.class, Excursion.COLLECTION);
    }

    /** Read side without an ownership check: those of these ids that are published, by id; one query. */
    public List<Excursion> findPublished(Collection<String> ids) {
        return mongo.find(publishedQuery().addCriteria(where("_id").in(ids)).with(Sort.by("_id")), Excursion.class,
                Excursion.COLLECTION);
    }

    /** Read side without an ownership check: every published excursion, by id. */
    public List<Excursion> published() {
        return mongo.find(publishedQuery().with(Sort.by("_id")), Excursion.class, Excursion.COLLECTION);
    }

    private static Query publishedQuery() {
        Query query = query(where("status").is(ExcursionStatus.PUBLISHED));
        query.fields().exclude(Outbox.FIELD);
        return query;
    }

    /** One page of programs: an enterprise sees its own, the admin all or those of {@code enterpriseId}. */
    public Page list(String enterpriseId, int page, int size) {
        Tenant caller = tenant.get();
        Query query = new Query();
        if (!caller.isAdmin()) {
            query.addCriteria(where("enterpriseId").is(caller.id()));
        }
        else if (enterpriseId != null) {
            query.addCriteria(where("enterpriseId").is(enterpriseId));
        }
        long total = mongo.count(query, Excursion.class, Excursion.COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Excursion.class, Excursion.COLLECTION), page, size, total);
    }

    /**
     * Replaces the program; while published it must stay complete and ExcursionUpdated goes out. Then the future
     * slots follow its booking cut-off ({@link ExcursionProgramSaved}; saving it again repairs slots a crash between
     * the two left behind).
     */
    public Excursion update(String id, ExcursionProgram program) {
        Excursion current = get(id);
        if (current.publishedAt() != null && current.program().availabilityType() != program.availabilityType()) {
            // operators hold bookings and availability ids of the kind it was sold as; a new kind is a new program
            throw new ConflictException("availabilityType of a program once published stays "
                    + current.program().availabilityType() + "; create a new program instead");
        }
        Instant now = Instant.now();
        Excursion after = new Excursion(current.id(), current.enterpriseId(), current.status(),
                current.version() + 1, program, current.createdAt(), now, current.publishedAt());
        List<OutboxEvent> out = new ArrayList<>();
        if (current.status() == ExcursionStatus.PUBLISHED) {
            requireComplete(program, "A published excursion must stay complete");
            out.add(events.updated(after, enterprises.require(current.enterpriseId()), now));
        }
        write(current, after, new Update().set("program", program), out);
        saved.publishEvent(new ExcursionProgramSaved(after.id(), program));
        return after;
    }

    /** Offers the program; refuses (422) naming every missing part. Publishing twice changes nothing. */
    public Excursion publish(String id) {
        Excursion current = get(id);
        if (current.status() == ExcursionStatus.PUBLISHED) {
            return current;
        }
        requireComplete(current.program(), "The excursion is not complete enough to publish");
        Enterprise enterprise = enterprises.require(current.enterpriseId());
        Instant now = Instant.now();
        Excursion after = new Excursion(current.id(), current.enterpriseId(), ExcursionStatus.PUBLISHED,
                current.version() + 1, current.program(), current.createdAt(), now, now);
        write(current, after, new Update().set("status", after.status()).set("publishedAt", now),
                List.of(events.published(after, enterprise, now)));
        return after;
    }

    /** Withdraws the program from sale; a draft or already unpublished one is left as it is. */
    public Excursion unpublish(String id) {
        Excursion current = get(id);
        if (current.status() != ExcursionStatus.PUBLISHED) {
            return current;
        }
        Instant now = Instant.now();
        Excursion after = new Excursion(current.id(), current.enterpriseId(), ExcursionStatus.UNPUBLISHED,
                current.version() + 1, current.program(), current.createdAt(), now, current.publishedAt());
        write(current, after, new Update().set("status", after.status()), List.of(events.unpublished(after, now)));
        return after;
    }

    private static void requireComplete(ExcursionProgram program, String message) {
        List<FieldProblem> problems = PublishCheck.problems(program);
        if (!problems.isEmpty()) {
            throw new IncompleteException(message, problems);
        }
    }

    /**
     * One conditional update: only if nobody wrote since we read (version), so the events describe
     * exactly the stored state. A lost race is a 409 the client retries.
     */
    private void write(Excursion current, Excursion after, Update update, List<OutboxEvent> out) {
        update.set("version", after.version()).set("updatedAt", after.updatedAt());
        if (!out.isEmpty()) {
            Outbox.append(update, out);
        }
        long modified = mongo.updateFirst(query(where("_id").is(current.id()).and("version").is(current.version())),
                update, Excursion.class, Excursion.COLLECTION).getModifiedCount();
        if (modified != 1) {
            throw new ConflictException("The excursion was changed concurrently; read it again and retry");
        }
        if (!out.isEmpty()) {
            relay.publishPending(Excursion.COLLECTION, current.id());
        }
    }

    /** A page of excursions. */
    public record Page(List<Excursion> items, int page, int size, long total) {
    }
}
