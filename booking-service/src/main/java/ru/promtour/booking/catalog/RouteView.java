package ru.promtour.booking.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The booking service's copy of a route the catalog published ({@code catalog.RouteSaved.v1}): its legs in order,
 * each a program of the catalog with a local time window and the transfer from the previous leg's end.
 *
 * @param ownerOperatorId null for the regional office's routes (every operator may sell them), else the only
 *                        operator that may
 * @param status          ACTIVE or WITHDRAWN (no new bookings)
 */
@Document(RouteView.COLLECTION)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouteView(@Id String id, long version, String title, String region, String timeZone,
                        String ownerOperatorId, String status, List<Leg> legs) {

    public static final String COLLECTION = "routes";

    /** One visit of the route; {@code transferMinutes} from the previous leg's end (start + duration). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Leg(int position, String excursionId, String enterpriseId, String title, String earliestLocalTime,
                      String latestLocalTime, int transferMinutes, int durationMinutes) {
    }

    /** Whether the operator may book it now. */
    public boolean bookableBy(String operatorId) {
        return "ACTIVE".equals(status) && (ownerOperatorId == null || ownerOperatorId.equals(operatorId));
    }
}
