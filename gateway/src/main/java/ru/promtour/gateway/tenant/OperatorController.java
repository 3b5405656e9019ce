package ru.promtour.gateway.tenant;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Admin API for tour operators; the edge filter lets only ADMIN keys reach {@code /admin/**}. */
@RestController
@RequestMapping("/admin/operators")
class OperatorController {

    private final OperatorRepository operators;
    private final Clock clock;

    OperatorController(OperatorRepository operators, Clock clock) {
        this.operators = operators;
        this.clock = clock;
    }

    record CreateOperator(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = "^\\+[1-9]\\d{7,14}$", message = "must be in E.164 format, e.g. +79161234567") String phone) {
    }

    record OperatorView(String id, String name, String email, String phone) {
        static OperatorView of(Operator operator) {
            return new OperatorView(operator.id(), operator.name(), operator.email(), operator.phone());
        }
    }

    @PostMapping
    Mono<ResponseEntity<OperatorView>> create(@Valid @RequestBody CreateOperator request) {
        Operator operator = new Operator("op-" + UUID.randomUUID(), request.name().strip(),
                request.email().strip().toLowerCase(java.util.Locale.ROOT), request.phone(), clock.instant());
        return operators.insert(operator)
            .map(saved -> ResponseEntity.created(URI.create("/admin/operators/" + saved.id())).body(OperatorView.of(saved)));
    }

    @GetMapping
    Flux<OperatorView> list() {
        return operators.findAll(org.springframework.data.domain.Sort.by("createdAt")).map(OperatorView::of);
    }
}
