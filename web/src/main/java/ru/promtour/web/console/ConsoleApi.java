package ru.promtour.web.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The catalog, booking and notification calls the console's pages share, made as the signed-in staff member (so the
 * services only ever answer with their own enterprise's data). Ids from the address bar are checked here first:
 * one that cannot be an id is the same 404 as another enterprise's.
 */
@Component
public class ConsoleApi {

    /** The shape of every id the services hand out ({@code slot-…}, {@code bk-…}, uuids). */
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    /** An enterprise with more programs than this pages through them; the console's overviews read the first ones. */
    static final int MAX_PROGRAMS = 100;

    private final GatewayClient gateway;

    public ConsoleApi(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The id as given, or a 404 when it cannot be one (never sent on to the APIs). */
    static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ApiException(404, "Not found", Map.of());
        }
        return id;
    }

    /** One page of the enterprise's programs: {@code {items, page, size, total}}. */
    public Map<String, Object> programs(int page, int size) {
        return gateway.get(uri -> uri.path("/api/v1/excursions").queryParam("mine", "true").queryParam("page", page)
            .queryParam("size", size).build());
    }

    /** The enterprise's programs by id (the first {@link #MAX_PROGRAMS}), newest first. */
    public Map<String, Map<String, Object>> programsById() {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Map<String, Object> program : items(programs(0, MAX_PROGRAMS))) {
            byId.put(String.valueOf(program.get("id")), program);
        }
        return byId;
    }

    public Map<String, Object> program(String id) {
        return gateway.get(path("/api/v1/excursions/{id}", checkedId(id)));
    }

    /** A program's slots on the local dates from..to, by start. */
    public List<Map<String, Object>> slots(String programId, LocalDate from, LocalDate to) {
        String id = checkedId(programId);
        return gateway.getList(uri -> uri.path("/api/v1/excursions/{id}/slots").queryParam("from", from)
            .queryParam("to", to).build(id));
    }

    /**
     * Every slot of these programs on the local dates from..to, by start, each with its program's
     * {@code title} under {@code programTitle}: one call per program, as the catalog lists slots per program.
     */
    public List<Map<String, Object>> allSlots(Collection<Map<String, Object>> programs, LocalDate from, LocalDate to) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> program : programs) {
            for (Map<String, Object> slot : slots(String.valueOf(program.get("id")), from, to)) {
                Map<String, Object> row = new LinkedHashMap<>(slot);
                row.put("programTitle", program.get("title"));
                all.add(row);
            }
        }
        all.sort(Comparator.comparing(slot -> String.valueOf(slot.get("utcStart"))));
        return all;
    }

    public Map<String, Object> slot(String id) {
        return gateway.get(path("/api/v1/slots/{id}", checkedId(id)));
    }

    /** Bookings of the enterprise's slots; status and slot optional. */
    public List<Map<String, Object>> bookings(String status, String slotId) {
        String slot = slotId == null ? null : checkedId(slotId);
        return gateway.getList(uri -> {
            uri.path("/api/v1/bookings");
            if (status != null && !status.isBlank()) {
                uri.queryParam("status", status);
            }
            if (slot != null) {
                uri.queryParam("slotId", slot);
            }
            return uri.build();
        });
    }

    public Map<String, Object> booking(String id) {
        return gateway.get(path("/api/v1/bookings/{id}", checkedId(id)));
    }

    /** The groups an enterprise must decide on: PENDING bookings marked {@code awaitingApproval}. */
    public List<Map<String, Object>> awaitingApproval() {
        return bookings("PENDING", null).stream().filter(b -> Boolean.TRUE.equals(b.get("awaitingApproval"))).toList();
    }

    /** The messages sent about a booking; none yet when the notification service has not heard of it (404). */
    public List<Map<String, Object>> notifications(String bookingId) {
        String id = checkedId(bookingId);
        try {
            return gateway.getList(uri -> uri.path("/api/v1/notifications").queryParam("bookingId", id).build());
        }
        catch (ApiException ex) {
            if (ex.isNotFound()) {
                return List.of();
            }
            throw ex;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return page.get("items") instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }

    /** The gateway itself, for the calls only one page makes. */
    GatewayClient gateway() {
        return gateway;
    }
}
