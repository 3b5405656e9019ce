package ru.promtour.catalog.enterprise.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.enterprise.EnterpriseStatus;

/** Listing and registering (admin), reading and editing (the enterprise itself or admin) enterprise profiles. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseController {

    private final EnterpriseService enterprises;

    EnterpriseController(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @PostMapping
    ResponseEntity<EnterpriseResponse> register(@Valid @RequestBody EnterpriseRequest request) {
        Enterprise enterprise = enterprises.register(request.id(), request.toProfile());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + enterprise.id()))
                .body(EnterpriseResponse.of(enterprise));
    }

    /** The regional office's register of enterprises (admin only, path rule), by name. */
    @GetMapping
    EnterpriseResponse.Page list(
            @RequestParam(required = false) @Pattern(regexp = "^RU-[A-Z]{2,3}$", message = "must be an ISO 3166-2:RU code such as RU-KLU") String region,
            @RequestParam(required = false) EnterpriseStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        EnterpriseService.Page result = enterprises.list(region, status, page, size);
        return new EnterpriseResponse.Page(result.items().stream().map(EnterpriseResponse::of).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{id}")
    EnterpriseResponse get(@PathVariable String id) {
        return EnterpriseResponse.of(enterprises.get(id));
    }

    @PutMapping("/{id}")
    EnterpriseResponse update(@PathVariable String id, @Valid @RequestBody EnterpriseRequest request) {
        return EnterpriseResponse.of(enterprises.update(id, request.toProfile()));
    }
}
