package ru.promtour.catalog.route.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RouteService;

/** Day routes: operators and the admin define them, every tenant reads those it may see. */
@RestController
@RequestMapping("/api/v1/routes")
class RouteController {

    private final RouteService routes;

    RouteController(RouteService routes) {
        this.routes = routes;
    }

    @PostMapping
    ResponseEntity<RouteResponse> create(@Valid @RequestBody RouteRequest request) {
        Route route = routes.create(request.toPlan());
        return ResponseEntity.created(URI.create("/api/v1/routes/" + route.id())).body(RouteResponse.of(route));
    }

    @GetMapping
    RouteResponse.Page list(@RequestParam(required = false) @Size(min = 1, max = 100) String region,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        RouteService.Page result = routes.list(region, page, size);
        return new RouteResponse.Page(result.items().stream().map(RouteResponse::of).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{id}")
    RouteResponse get(@PathVariable String id) {
        return RouteResponse.of(routes.get(id));
    }

    @PutMapping("/{id}")
    RouteResponse update(@PathVariable String id, @Valid @RequestBody RouteRequest request) {
        return RouteResponse.of(routes.update(id, request.toPlan()));
    }

    /** Withdraws the route (status WITHDRAWN); it stays readable, bookings made on it keep their legs. */
    @DeleteMapping("/{id}")
    RouteResponse withdraw(@PathVariable String id) {
        return RouteResponse.of(routes.withdraw(id));
    }
}
