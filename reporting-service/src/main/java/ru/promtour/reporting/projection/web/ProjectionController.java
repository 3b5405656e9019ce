package ru.promtour.reporting.projection.web;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.reporting.projection.Generations;
import ru.promtour.reporting.projection.messaging.ProjectionContainers;
import ru.promtour.security.tenant.CurrentTenant;

/** The admin's handle on the projection (path rule: ADMIN only, in the security configuration). */
@RestController
@RequestMapping("/api/v1/reporting/projection")
class ProjectionController {

    private final Generations generations;
    private final ProjectionContainers containers;
    private final CurrentTenant tenant;

    ProjectionController(Generations generations, ProjectionContainers containers, CurrentTenant tenant) {
        this.generations = generations;
        this.containers = containers;
        this.tenant = tenant;
    }

    /** The generation read, since when, what this instance feeds and the last rebuild. */
    @GetMapping
    ProjectionView state() {
        return new ProjectionView(generations.current(), generations.currentSince(), containers.feeding(),
                generations.rebuild().orElse(null));
    }

    /**
     * Replays the topics from their first offset into a fresh generation; the reports switch to it once it has read
     * everything the topics held now. 202 with the rebuild, 409 while one runs.
     */
    @PostMapping("/rebuild")
    ResponseEntity<Object> rebuild() {
        return containers.startRebuild(tenant.get().subject())
                .<ResponseEntity<Object>>map(r -> ResponseEntity.accepted().body(r))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                            "A rebuild is running; GET /api/v1/reporting/projection shows its progress");
                    problem.setTitle("Rebuild running");
                    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
                });
    }

    record ProjectionView(int generation, Instant since, Set<Integer> feeding, Generations.Rebuild rebuild) {
    }
}
