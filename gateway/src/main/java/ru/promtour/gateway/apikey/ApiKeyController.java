package ru.promtour.gateway.apikey;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.observability.RequestIds;
import ru.promtour.gateway.tenant.Operator;
import ru.promtour.gateway.tenant.OperatorRepository;

/** Admin API for API keys. The key itself appears in exactly one response: the one that issues it. */
@RestController
@RequestMapping("/admin/api-keys")
class ApiKeyController {

    private final ApiKeys keys;
    private final ApiKeyRepository repository;
    private final OperatorRepository operators;
    private final CatalogEnterprises enterprises;

    ApiKeyController(ApiKeys keys, ApiKeyRepository repository, OperatorRepository operators, CatalogEnterprises enterprises) {
        this.keys = keys;
        this.repository = repository;
        this.operators = operators;
        this.enterprises = enterprises;
    }

    record IssueKey(
            @NotNull TenantType tenantType,
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._:-]+$", message = "may hold letters, digits and . _ : - only") String tenantId,
            @Size(max = 200) String label) {
    }

    record IssuedKeyView(String id, String apiKey, TenantType tenantType, String tenantId, String label, Instant createdAt) {
    }

    record KeyView(String id, String prefix, TenantType tenantType, String tenantId, String label, Instant createdAt,
                   Instant revokedAt, boolean active) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.prefix(), key.tenantType(), key.tenantId(), key.label(), key.createdAt(),
                    key.revokedAt(), key.active());
        }
    }

    @PostMapping
    Mono<ResponseEntity<IssuedKeyView>> issue(@Valid @RequestBody IssueKey request, ServerWebExchange exchange) {
        return registeredEnterprise(request, exchange)
            .then(operatorOf(request))
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(operator -> keys.issue(request.tenantType(), request.tenantId(),
                    operator.map(Operator::name).orElse(null), operator.map(Operator::email).orElse(null), request.label()))
            .map(issued -> ResponseEntity.created(URI.create("/admin/api-keys/" + issued.key().id()))
                .body(new IssuedKeyView(issued.key().id(), issued.secret(), issued.key().tenantType(),
                        issued.key().tenantId(), issued.key().label(), issued.key().createdAt())));
    }

    @GetMapping
    Flux<KeyView> list() {
        return repository.findAll(Sort.by("createdAt")).map(KeyView::of);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id) {
        return keys.revoke(id)
            .map(revoked -> ResponseEntity.noContent().<Void>build())
            .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No API key with id " + id)));
    }

    /** Enterprises live in the catalog: an ENTERPRISE key must name one registered there (422; 503 when it cannot tell). */
    private Mono<Void> registeredEnterprise(IssueKey request, ServerWebExchange exchange) {
        if (request.tenantType() != TenantType.ENTERPRISE) {
            return Mono.empty();
        }
        return enterprises.requireRegistered(request.tenantId(), "tenantId", "no key is issued", Identity.of(exchange),
                RequestIds.of(exchange));
    }

    /** Operators are registered here, so an OPERATOR key must name one. */
    private Mono<Operator> operatorOf(IssueKey request) {
        if (request.tenantType() != TenantType.OPERATOR) {
            return Mono.empty();
        }
        return operators.findById(request.tenantId())
            .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "tenantId " + request.tenantId() + " names no registered operator")));
    }
}
