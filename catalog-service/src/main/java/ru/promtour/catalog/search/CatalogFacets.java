package ru.promtour.catalog.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionStatus;
import ru.promtour.messaging.outbox.Outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What the public search can be narrowed to: the regions, industries and guide languages of the PUBLISHED programs of
 * ACTIVE enterprises, each with how many such programs it has, so a search form offers only choices that can match.
 * Two index-served reads ({@code status_region_industry}, {@code status_enterprise}).
 */
@Service
public class CatalogFacets {

    private final MongoOperations mongo;

    public CatalogFacets(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The counts now; codes in alphabetical order. */
    public Facets facets() {
        Query enterprises = new Query(where("status").is(EnterpriseStatus.ACTIVE));
        enterprises.fields().exclude(Outbox.FIELD);
        Map<String, Enterprise> active = mongo.find(enterprises, Enterprise.class, Enterprise.COLLECTION).stream()
                .collect(Collectors.toMap(Enterprise::id, Function.identity()));
        if (active.isEmpty()) {
            return new Facets(List.of(), List.of(), List.of());
        }
        Query programs = new Query(where("status").is(ExcursionStatus.PUBLISHED).and("enterpriseId").in(active.keySet()));
        programs.fields().exclude(Outbox.FIELD);
        List<Excursion> published = mongo.find(programs, Excursion.class, Excursion.COLLECTION);
        List<Enterprise> owners = published.stream().map(e -> active.get(e.enterpriseId())).toList();
        return new Facets(
                count(owners.stream().map(Enterprise::region).toList()),
                count(owners.stream().map(Enterprise::industry).toList()),
                count(published.stream()
                        .flatMap(e -> e.program() == null || e.program().languages() == null
                                ? Stream.<String>empty()
                                : e.program().languages().stream().distinct())
                        .toList()));
    }

    private static List<Count> count(Collection<String> codes) {
        return codes.stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** A code and the number of published programs that have it. */
    public record Count(String code, long count) {
    }

    /** Regions (ISO 3166-2:RU), industries and guide languages (ISO 639-1) with their program counts. */
    public record Facets(List<Count> regions, List<Count> industries, List<Count> languages) {
    }
}
