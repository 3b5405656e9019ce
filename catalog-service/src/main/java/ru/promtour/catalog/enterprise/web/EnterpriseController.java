package ru.promtour.catalog.enterprise.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseService;

/** Registering (admin) and editing (the enterprise itself or admin) enterprise profiles. */
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

    @GetMapping("/{id}")
    EnterpriseResponse get(@PathVariable String id) {
        return EnterpriseResponse.of(enterprises.get(id));
    }

    @PutMapping("/{id}")
    EnterpriseResponse update(@PathVariable String id, @Valid @RequestBody EnterpriseRequest request) {
        return EnterpriseResponse.of(enterprises.update(id, request.toProfile()));
    }
}
