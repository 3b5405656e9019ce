package ru.promtour.catalog.octo.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.promtour.catalog.availability.AvailabilityRenderer;
import ru.promtour.catalog.octo.AvailabilityRequest;
import ru.promtour.catalog.octo.OctoCatalog;
import ru.promtour.catalog.octo.OctoException;

/** A slot's availability for the availability events, through the same path as {@code POST /octo/availability}. */
@Component
class OctoAvailabilityRenderer implements AvailabilityRenderer {

    private final OctoCatalog catalog;

    OctoAvailabilityRenderer(OctoCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<Rendered> render(String productId, String slotId) {
        try {
            OctoCatalog.Availabilities result = catalog.availability(new AvailabilityRequest(productId,
                    OctoCatalog.OPTION_ID, null, null, null, List.of(slotId), null, null));
            return result.items().stream().findFirst().map(a -> new Rendered(productId, OctoCatalog.OPTION_ID,
                    OctoMapper.availability(a, result.product().program(), result.units(), false)));
        }
        catch (OctoException ex) {
            // no longer offered (unpublished program, suspended enterprise): nothing to announce
            return Optional.empty();
        }
    }
}
