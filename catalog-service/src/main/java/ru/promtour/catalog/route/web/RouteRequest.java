package ru.promtour.catalog.route.web;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RoutePlan;

/**
 * Body of {@code POST /api/v1/routes} and {@code PUT /api/v1/routes/{id}}. {@code region} is compared with the
 * region the enterprises are registered in ({@code RU-KLU}); whether the programs exist, are on sale and fit
 * together is the service's check.
 */
public record RouteRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String region,
        @Size(min = 1, max = 100) String ownerOperatorId,
        @NotNull @Size(min = Route.MIN_LEGS, max = Route.MAX_LEGS, message = "a route has 2 to 6 legs")
        List<@NotNull @Valid LegRequest> legs) {

    private static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    public record LegRequest(
            @NotBlank @Size(max = 100) String excursionId,
            @NotNull @Pattern(regexp = HH_MM, message = "must be a local time HH:mm") String earliestLocalTime,
            @NotNull @Pattern(regexp = HH_MM, message = "must be a local time HH:mm") String latestLocalTime,
            @Min(0) @Max(600) Integer transferMinutes) {
    }

    RoutePlan toPlan() {
        return new RoutePlan(title, region, ownerOperatorId, legs.stream()
                .map(l -> new RoutePlan.LegPlan(l.excursionId(), LocalTime.parse(l.earliestLocalTime()),
                        LocalTime.parse(l.latestLocalTime()), l.transferMinutes()))
                .toList());
    }
}
