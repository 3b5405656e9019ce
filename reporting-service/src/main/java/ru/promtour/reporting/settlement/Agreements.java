package ru.promtour.reporting.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import ru.promtour.reporting.projection.BookingFact;

/**
 * The agreements, in their own collection {@code agreements} (not the projection's: they are entered, not derived
 * from events, and a rebuild never touches them).
 */
@Component
public class Agreements {

    static final String COLLECTION = "agreements";
    /** A date is "today" once it has begun anywhere in the country (Kamchatka, UTC+12). */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(12);

    private final MongoOperations mongo;
    private final ClosedMonths closedMonths;
    private final Clock clock;

    public Agreements(MongoOperations mongo, ClosedMonths closedMonths, Clock clock) {
        this.mongo = mongo;
        this.closedMonths = closedMonths;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("operatorId", Sort.Direction.ASC)
                .on("enterpriseId", Sort.Direction.ASC).named("operatorId_enterpriseId"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("enterpriseId", Sort.Direction.ASC)
                .named("enterpriseId"));
    }

    /** A new agreement's terms, as entered. */
    public record Terms(String operatorId, String enterpriseId, String programId, Agreement.Model model,
                        Long percentBasisPoints, Long perUnit, LocalDate effectiveFrom) {
    }

    /**
     * Records an agreement.
     *
     * @throws SettlementConflictException when {@code effectiveFrom} lies in a closed month, or an agreement of the
     *                                     same parties and program already starts that day
     */
    public Agreement create(Terms terms, String createdBy) {
        String month = terms.effectiveFrom().toString().substring(0, 7);
        if (closedMonths.isClosed(month)) {
            throw new SettlementConflictException("Month " + month
                    + " is closed: an agreement cannot take effect in it");
        }
        String from = terms.effectiveFrom().toString();
        boolean sameDay = find(terms.operatorId(), terms.enterpriseId()).stream().anyMatch(a ->
                Objects.equals(a.programId(), terms.programId()) && a.effectiveFrom().equals(from));
        if (sameDay) {
            throw new SettlementConflictException("An agreement of these parties" + (terms.programId() == null ? ""
                    : " for this program") + " already takes effect on " + from + ": choose another date or delete it");
        }
        Agreement agreement = new Agreement(UUID.randomUUID().toString(), terms.operatorId(), terms.enterpriseId(),
                terms.programId(), terms.model(), terms.percentBasisPoints(), terms.perUnit(), Agreement.RUB, from,
                Instant.now(clock), createdBy);
        return mongo.insert(agreement, COLLECTION);
    }

    /** The agreements of an operator and/or an enterprise (null: any), oldest first. */
    public List<Agreement> find(String operatorId, String enterpriseId) {
        Criteria criteria = new Criteria();
        if (operatorId != null) {
            criteria = criteria.and("operatorId").is(operatorId);
        }
        if (enterpriseId != null) {
            criteria = criteria.and("enterpriseId").is(enterpriseId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("effectiveFrom", "createdAt")), Agreement.class,
                COLLECTION);
    }

    public Optional<Agreement> get(String id) {
        return Optional.ofNullable(mongo.findById(id, Agreement.class, COLLECTION));
    }

    /**
     * Deletes an agreement that has not taken effect yet.
     *
     * @throws SettlementConflictException once it is in force
     */
    public void delete(Agreement agreement) {
        if (!LocalDate.parse(agreement.effectiveFrom()).isAfter(LocalDate.now(clock.withZone(EARLIEST_ZONE)))) {
            throw new SettlementConflictException("Agreement " + agreement.id() + " is in force since "
                    + agreement.effectiveFrom() + ": supersede it with a newer one instead");
        }
        mongo.remove(Query.query(Criteria.where("_id").is(agreement.id())), COLLECTION);
    }

    /**
     * The agreement in force for a booking among {@code agreements}: same operator and enterprise, a program-specific
     * one before an enterprise-wide one, the latest {@code effectiveFrom} on or before the visit date.
     */
    public static Optional<Agreement> inForce(List<Agreement> agreements, BookingFact booking) {
        if (booking.visitDate() == null) {
            return Optional.empty();
        }
        Comparator<Agreement> latest = Comparator.comparing(Agreement::effectiveFrom)
                .thenComparing(Agreement::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));
        List<Agreement> applicable = agreements.stream()
                .filter(a -> a.operatorId().equals(booking.operatorId())
                        && a.enterpriseId().equals(booking.enterpriseId()))
                .filter(a -> a.effectiveFrom().compareTo(booking.visitDate()) <= 0)
                .toList();
        return applicable.stream().filter(a -> a.programId() != null && a.programId().equals(booking.programId()))
                .max(latest)
                .or(() -> applicable.stream().filter(a -> a.programId() == null).max(latest));
    }
}
