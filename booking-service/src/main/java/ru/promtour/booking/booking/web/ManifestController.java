package ru.promtour.booking.booking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.manifest.Manifests;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;

/**
 * The visitor manifest of a slot for its enterprise's security desk ({@code /api/v1/manifests/{slotId}},
 * JSON or {@code ?format=csv}). Another enterprise's slot is 404. Contains personal data: not cached.
 */
@RestController
@RequestMapping("/api/v1/manifests")
class ManifestController {

    private final Manifests manifests;
    private final CurrentTenant tenant;

    ManifestController(Manifests manifests, CurrentTenant tenant) {
        this.manifests = manifests;
        this.tenant = tenant;
    }

    /** The manifest as JSON. */
    public record ManifestView(String slotId, String excursionId, String excursionTitle, Instant start, String timeZone,
                               String documents, Instant manifestDeadline, int groups, int visitors,
                               List<GroupView> bookings) {
    }

    public record GroupView(String bookingId, String supplierReference, String status, String operatorId, int units,
                            boolean complete, String leader, String leaderPhone, List<VisitorView> visitors) {
    }

    public record VisitorView(String unitId, String type, String fullName, LocalDate birthDate, String documentType,
                              String documentNumber) {
    }

    @GetMapping("/{slotId}")
    ResponseEntity<?> manifest(@PathVariable String slotId, @RequestParam(required = false) String format) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw BookingRefusal.badRequest("format must be json or csv");
        }
        Tenant caller = tenant.get();
        Manifests.Manifest m = manifests.of(caller.isAdmin() ? null : caller.id(), slotId);
        ManifestView view = view(m);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        if ("csv".equals(format)) {
            return ok.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"manifest-" + slotId + ".csv\"")
                    .body(ManifestCsv.of(view));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(view);
    }

    private static ManifestView view(Manifests.Manifest m) {
        List<GroupView> groups = new ArrayList<>();
        int visitors = 0;
        for (Manifests.Group g : m.groups()) {
            Booking b = g.booking();
            List<VisitorView> people = new ArrayList<>();
            for (UnitItem i : b.unitItems()) {
                people.add(new VisitorView(i.unitId(), i.type(), i.contact() == null ? null : i.contact().name(),
                        i.visitor() == null ? null : i.visitor().birthDate(),
                        i.visitor() == null ? null : i.visitor().documentType(),
                        i.visitor() == null ? null : i.visitor().documentNumber()));
            }
            visitors += people.size();
            groups.add(new GroupView(b.id(), b.supplierReference(), b.status().name(), b.operatorId(), b.units(),
                    g.complete(), b.contact() == null ? null : b.contact().name(),
                    b.contact() == null ? null : b.contact().phoneNumber(), people));
        }
        String documents = m.program().rules() == null ? "NONE" : m.program().rules().documents();
        return new ManifestView(m.slot().id(), m.slot().excursionId(), m.program().title().ru(), m.slot().start(),
                m.slot().timeZone(), documents, m.deadline(), groups.size(), visitors, groups);
    }
}
