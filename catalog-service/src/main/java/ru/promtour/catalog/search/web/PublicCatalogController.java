package ru.promtour.catalog.search.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.search.CatalogFacets;
import ru.promtour.catalog.search.CatalogSearch;
import ru.promtour.catalog.search.SearchCriteria;

/**
 * The public catalog: anyone, no key ({@code platform.security.public-paths}). Every parameter is
 * checked here or in {@link CatalogSearch}; a bad one is a 400 problem naming it.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@SecurityRequirements // public: the OpenAPI document must not ask for the bearer token the platform requires elsewhere
class PublicCatalogController {

    private final CatalogSearch search;
    private final CatalogFacets facets;

    PublicCatalogController(CatalogSearch search, CatalogFacets facets) {
        this.search = search;
        this.facets = facets;
    }

    @GetMapping("/excursions")
    CatalogResponses.Page search(
            @RequestParam(required = false) @Pattern(regexp = "^RU-[A-Z]{2,3}$", message = "must be an ISO 3166-2:RU code such as RU-KLU") String region,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z][A-Z_]{1,39}$", message = "must be an upper-case code such as CONFECTIONERY") String industry,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(required = false) @Min(0) @Max(120) Integer age,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as ru") String language,
            @RequestParam(defaultValue = "1") @Min(1) @Max(10000) int minFreeSeats,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CatalogSearch.Page result = search.search(new SearchCriteria(region, industry, dateFrom, dateTo, age, language,
                minFreeSeats, q, page, size));
        return new CatalogResponses.Page(result.items().stream().map(CatalogResponses.Item::of).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/excursions/{id}")
    CatalogResponses.Detail detail(@PathVariable String id) {
        return CatalogResponses.Detail.of(search.detail(id));
    }

    /** The choices a search form can offer: regions, industries and languages that published programs have. */
    @GetMapping("/facets")
    CatalogFacets.Facets facets() {
        return facets.facets();
    }
}
