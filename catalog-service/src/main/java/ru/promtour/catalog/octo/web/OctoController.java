package ru.promtour.catalog.octo.web;

import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.octo.AvailabilityRequest;
import ru.promtour.catalog.octo.OctoCatalog;
import ru.promtour.catalog.octo.OctoProduct;
import ru.promtour.catalog.octo.OctoProperties;
import ru.promtour.catalog.octo.OctoRoutes;

/**
 * OCTO supplier, capabilities, products and availability for operators (the platform rule lets only the
 * OPERATOR role in under {@code /octo/**}). A product id is a program's or a route's ({@link OctoRoutes}). The
 * spec writes its paths with a trailing slash; both forms are served. Anything else under {@code /octo} is an
 * OCTO 404, not Spring's problem+json.
 */
@RestController
@RequestMapping("/octo")
class OctoController {

    private static final OctoJson.Capability PRICING = new OctoJson.Capability(OctoCapabilities.PRICING, 1, false,
            List.of(), "Prices in RUB (kopecks, precision 2) on products, options, units and availability.");
    private static final OctoJson.Capability WEBHOOKS = new OctoJson.Capability(OctoCapabilities.WEBHOOKS, 1, false,
            List.of(), "Signed booking_update and availability_update deliveries to the operator's URLs (/octo/webhooks).");

    private final OctoCatalog catalog;
    private final OctoRoutes routes;
    private final OctoProperties properties;

    OctoController(OctoCatalog catalog, OctoRoutes routes, OctoProperties properties) {
        this.catalog = catalog;
        this.routes = routes;
        this.properties = properties;
    }

    @GetMapping({"/supplier", "/supplier/"})
    OctoJson.Supplier supplier() {
        return OctoMapper.supplier(properties);
    }

    @GetMapping({"/capabilities", "/capabilities/"})
    List<OctoJson.Capability> capabilities() {
        return List.of(PRICING, WEBHOOKS);
    }

    /** The published programs, then the routes this operator may sell. */
    @GetMapping({"/products", "/products/"})
    List<OctoJson.Product> products(@RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
        return Stream.concat(catalog.products().stream().map(p -> OctoMapper.product(p, properties, pricing)),
                routes.products().stream().map(r -> OctoMapper.route(r, properties, pricing))).toList();
    }

    @GetMapping({"/products/{id}", "/products/{id}/"})
    OctoJson.Product product(@PathVariable String id,
                             @RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
        return routes.product(id).map(r -> OctoMapper.route(r, properties, pricing))
                .orElseGet(() -> OctoMapper.product(catalog.product(id), properties, pricing));
    }

    @PostMapping({"/availability", "/availability/"})
    List<OctoJson.Availability> availability(@RequestBody AvailabilityRequest request,
                                             @RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
        if (routes.isRoute(request.productId())) {
            OctoRoutes.Availabilities result = routes.availability(request);
            return result.items().stream()
                    .map(a -> OctoMapper.routeAvailability(a, result.product().program(), result.units(), pricing)).toList();
        }
        OctoCatalog.Availabilities result = catalog.availability(request);
        OctoProduct product = result.product();
        return result.items().stream()
                .map(a -> OctoMapper.availability(a, product.program(), result.units(), pricing)).toList();
    }

    @PostMapping({"/availability/calendar", "/availability/calendar/"})
    List<OctoJson.CalendarDay> calendar(@RequestBody AvailabilityRequest request,
                                        @RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
        if (routes.isRoute(request.productId())) {
            OctoRoutes.Calendar result = routes.calendar(request);
            return result.days().stream()
                    .map(d -> OctoMapper.day(d, result.product().program(), result.units(), pricing)).toList();
        }
        OctoCatalog.Calendar result = catalog.calendar(request);
        return result.days().stream()
                .map(d -> OctoMapper.day(d, result.product().program(), result.units(), pricing)).toList();
    }

    /** Lowest precedence of all mappings here: only what nothing above matches (path or method) lands here. */
    @Hidden
    @RequestMapping("/**")
    void unknown() {
        throw new OctoNotFoundException();
    }

    /** No OCTO resource at this path (or not with this method). */
    static final class OctoNotFoundException extends RuntimeException {
        OctoNotFoundException() {
            super("There is no OCTO endpoint at this path with this method");
        }
    }
}
