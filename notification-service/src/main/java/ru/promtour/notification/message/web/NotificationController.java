package ru.promtour.notification.message.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.notification.booking.BookingView;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.booking.Routes;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.message.MessageQueue;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

/**
 * The delivery log over HTTP. A booking's messages are visible to its operator, its enterprise and the
 * admin; anyone else gets the same 404 as for a booking that does not exist, so ids of other tenants'
 * bookings reveal nothing. Resending is the admin's (path rule in NotificationConfiguration).
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    static final String ID = "^[A-Za-z0-9._:-]{1,100}$";

    private final MessageLog messages;
    private final Bookings bookings;
    private final Routes routes;
    private final MessageQueue queue;
    private final CurrentTenant tenant;

    NotificationController(MessageLog messages, Bookings bookings, Routes routes, MessageQueue queue, CurrentTenant tenant) {
        this.messages = messages;
        this.bookings = bookings;
        this.routes = routes;
        this.queue = queue;
        this.tenant = tenant;
    }

    /**
     * A booking's messages, oldest first, recipients masked. {@code bookingId} is booking-service's booking id, or, for
     * an operator, the OCTO {@code uuid} it booked with (what an operator holds), or a route booking id (the route's
     * messages to the group leader and the operator: its operator and the admin).
     */
    @GetMapping
    List<MessageView> list(@RequestParam @NotBlank @Pattern(regexp = ID, message = "must be a booking id or an OCTO uuid (letters, digits, . _ : -, at most 100)")
                           String bookingId) {
        Tenant caller = tenant.get();
        String id = visible(bookingId, caller).map(BookingView::id)
                .or(() -> caller.type() == TenantType.OPERATOR
                        ? visible(Bookings.octoBookingId(caller.id(), bookingId), caller).map(BookingView::id) : Optional.empty())
                .or(() -> routes.find(bookingId).filter(route -> caller.isAdmin() || caller.isOperator(route.operatorId()))
                        .map(route -> route.id()))
                .orElseThrow(NotFoundForTenantException::new);
        return messages.findByBooking(id).stream().map(MessageView::of).toList();
    }

    /** The booking, if the caller may see it: its operator, its enterprise or the admin. */
    private Optional<BookingView> visible(String bookingId, Tenant caller) {
        return bookings.find(bookingId).filter(booking -> caller.isAdmin() || caller.isOperator(booking.operatorId())
                || caller.isEnterprise(booking.enterpriseId()));
    }

    /** Puts a FAILED or SENT message back in the queue with a fresh retry budget: 202, or 409 while it is queued or sending. */
    @PostMapping("/{id}/resend")
    ResponseEntity<Object> resend(@PathVariable @Pattern(regexp = ID, message = "must be a message id") String id) {
        Message current = messages.find(id).orElseThrow(NotFoundForTenantException::new);
        return messages.resend(id).<ResponseEntity<Object>>map(queued -> {
            queue.announce(1);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(MessageView.of(queued));
        }).orElseGet(() -> {
            boolean redacted = current.text() == null && current.html() == null;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, redacted
                    ? "Message " + id + " can no longer be resent: its content was removed (personal data retention)"
                    : "Message " + id + " is " + current.status() + "; only FAILED or SENT messages can be resent");
            problem.setTitle("Conflict");
            problem.setProperty("status", current.status());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        });
    }
}
