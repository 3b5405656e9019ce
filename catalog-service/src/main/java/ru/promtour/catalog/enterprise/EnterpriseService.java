package ru.promtour.catalog.enterprise;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.shared.Ids;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Registers and edits enterprises; an enterprise sees only itself, the admin sees all. */
@Service
public class EnterpriseService {

    private final MongoOperations mongo;
    private final CurrentTenant tenant;

    public EnterpriseService(MongoOperations mongo, CurrentTenant tenant) {
        this.mongo = mongo;
        this.tenant = tenant;
    }

    /** Admin only (path rule). A client-supplied id lets the demo enterprises keep their fixed ids. */
    public Enterprise register(String requestedId, EnterpriseProfile profile) {
        String id = requestedId != null ? requestedId : Ids.next("ent");
        Instant now = Instant.now();
        EnterpriseStatus status = profile.status() != null ? profile.status() : EnterpriseStatus.ACTIVE;
        Enterprise enterprise = new Enterprise(id, profile.name(), profile.legalName(), profile.region(),
                profile.city(), profile.address(), profile.coordinates(), profile.industry(), profile.timeZone(),
                profile.description(), profile.contacts(), status, now, now);
        try {
            // insert, not save: an existing id must be a conflict, never an overwrite
            mongo.insert(enterprise, Enterprise.COLLECTION);
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("An enterprise with id '" + id + "' already exists");
        }
        return enterprise;
    }

    /** The enterprise, if the caller is that enterprise or the admin; otherwise 404 exactly as if absent. */
    public Enterprise get(String id) {
        if (!tenant.get().canAccessEnterprise(id)) {
            throw new NotFoundForTenantException();
        }
        Enterprise enterprise = mongo.findById(id, Enterprise.class, Enterprise.COLLECTION);
        if (enterprise == null) {
            throw new NotFoundForTenantException();
        }
        return enterprise;
    }

    /** Replaces the profile; only the admin may change the status (suspending is the region's decision). */
    public Enterprise update(String id, EnterpriseProfile profile) {
        Enterprise current = get(id);
        EnterpriseStatus status = tenant.get().isAdmin() && profile.status() != null ? profile.status() : current.status();
        Update update = new Update()
                .set("name", profile.name())
                .set("legalName", profile.legalName())
                .set("region", profile.region())
                .set("city", profile.city())
                .set("address", profile.address())
                .set("coordinates", profile.coordinates())
                .set("industry", profile.industry())
                .set("timeZone", profile.timeZone())
                .set("description", profile.description())
                .set("contacts", profile.contacts())
                .set("status", status)
                .set("updatedAt", Instant.now());
        mongo.updateFirst(query(where("_id").is(id)), update, Enterprise.class, Enterprise.COLLECTION);
        return get(id);
    }

    /**
     * One page of every enterprise, by name (then id, so pages never overlap): the regional office's register. Admin
     * only (path rule); {@code region} and {@code status} narrow it when given.
     */
    public Page list(String region, EnterpriseStatus status, int page, int size) {
        Query query = new Query();
        if (region != null) {
            query.addCriteria(where("region").is(region));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        long total = mongo.count(query, Enterprise.class, Enterprise.COLLECTION);
        query.with(Sort.by("name").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Enterprise.class, Enterprise.COLLECTION), page, size, total);
    }

    /** Read side without an ownership check: the enterprises of these ids that exist, by id; one query. */
    public Map<String, Enterprise> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), Enterprise.class, Enterprise.COLLECTION).stream()
                .collect(Collectors.toMap(Enterprise::id, Function.identity()));
    }

    /** For other features: the enterprise behind a token's tenant id, without the ownership check. */
    public Enterprise require(String id) {
        Enterprise enterprise = mongo.findById(id, Enterprise.class, Enterprise.COLLECTION);
        if (enterprise == null) {
            throw new ConflictException("Enterprise '" + id + "' is not registered in the catalog yet");
        }
        return enterprise;
    }

    /** A page of enterprises; {@code total} counts all that match. */
    public record Page(List<Enterprise> items, int page, int size, long total) {
    }
}
