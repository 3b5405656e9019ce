package ru.promtour.catalog.octo.web;

import java.util.List;

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

/**
 * OCTO supplier, capabilities, products and availability for operators (the platform rule lets only the
 * OPERATOR role in under {@code /octo/**}). The spec writes its paths with a trailing slash; both forms are
 * served. Anything else under {@code /octo} is an OCTO 404, not Spring's problem+json.
 */
@RestController
@RequestMapping("/octo")
class OctoController {

    private static final OctoJson.Capability PRICING = new OctoJson.Capability(OctoCapabilities.PRICING, 1, false,
            List.of(), "Prices in RUB (kopecks, precision 2) on products, options, units and availability.");
    private static final OctoJson.Capability WEBHOOKS = new OctoJson.Capability(OctoCapabilities.WEBHOOKS, 1, false,
            List.of(), "Signed booking_update and availability_update deliveries to the operator's URLs (/octo/webhooks).");

    private final OctoCatalog catalog;
    private final OctoProperties properties;

    OctoController(OctoCatalog catalog, OctoProperties properties) {
        this.catalog = catalog;
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

    @GetMapping({"/products", "/products/"})
    List<OctoJson.Product> products(@RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
        return catalog.products().stream().map(p -> OctoMapper.product(p, properties, pricing)).toList();
    }

    @GetMapping({"/products/{id}", "/products/{id}/"})
    OctoJson.Product product(@PathVariable String id,
                             @RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        return OctoMapper.product(catalog.product(id), properties, OctoCapabilities.pricing(capabilities));
    }

    @PostMapping({"/availability", "/availability/"})
    List<OctoJson.Availability> availability(@RequestBody AvailabilityRequest request,
                                             @RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
        OctoCatalog.Availabilities result = catalog.availability(request);
        OctoProduct product = result.product();
        return result.items().stream()
                .map(a -> OctoMapper.availability(a, product.program(), result.units(), pricing)).toList();
    }

    @PostMapping({"/availability/calendar", "/availability/calendar/"})
    List<OctoJson.CalendarDay> calendar(@RequestBody AvailabilityRequest request,
                                        @RequestHeader(name = OctoCapabilities.HEADER, required = false) String capabilities) {
        boolean pricing = OctoCapabilities.pricing(capabilities);
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
