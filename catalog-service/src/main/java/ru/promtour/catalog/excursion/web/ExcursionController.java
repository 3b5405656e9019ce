package ru.promtour.catalog.excursion.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionService;

/** Excursion programs of the calling enterprise (the admin may read and act on any). */
@RestController
@RequestMapping("/api/v1/excursions")
class ExcursionController {

    private final ExcursionService excursions;

    ExcursionController(ExcursionService excursions) {
        this.excursions = excursions;
    }

    @PostMapping
    ResponseEntity<ExcursionResponse> create(@Valid @RequestBody ExcursionRequest request) {
        Excursion excursion = excursions.create(request.toProgram());
        return ResponseEntity.created(URI.create("/api/v1/excursions/" + excursion.id()))
                .body(ExcursionResponse.of(excursion));
    }

    /** {@code ?mine} is accepted for readability: an enterprise only ever lists its own programs. */
    @GetMapping
    ExcursionResponse.Page list(@RequestParam(required = false) String mine,
                                @RequestParam(required = false) String enterpriseId,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ExcursionService.Page result = excursions.list(enterpriseId, page, size);
        return new ExcursionResponse.Page(result.items().stream().map(ExcursionResponse::of).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{id}")
    ExcursionResponse get(@PathVariable String id) {
        return ExcursionResponse.of(excursions.get(id));
    }

    @PutMapping("/{id}")
    ExcursionResponse update(@PathVariable String id, @Valid @RequestBody ExcursionRequest request) {
        return ExcursionResponse.of(excursions.update(id, request.toProgram()));
    }

    @PostMapping("/{id}/publish")
    ExcursionResponse publish(@PathVariable String id) {
        return ExcursionResponse.of(excursions.publish(id));
    }

    @PostMapping("/{id}/unpublish")
    ExcursionResponse unpublish(@PathVariable String id) {
        return ExcursionResponse.of(excursions.unpublish(id));
    }
}
