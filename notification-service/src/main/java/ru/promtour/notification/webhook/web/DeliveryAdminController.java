package ru.promtour.notification.webhook.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.notification.config.NotificationProperties;
import ru.promtour.notification.webhook.Delivery;
import ru.promtour.notification.webhook.DeliveryLog;
import ru.promtour.notification.webhook.WebhookDispatcher;
import ru.promtour.security.tenant.NotFoundForTenantException;

/**
 * The admin's redelivery (the platform rule lets only the ADMIN role in under {@code /admin/**}; the gateway routes
 * {@code /admin/webhooks/**} here and guards it with the admin key like the rest of {@code /admin}).
 */
@RestController
@RequestMapping("/admin/webhooks/deliveries")
class DeliveryAdminController {

    private final DeliveryLog deliveries;
    private final WebhookDispatcher dispatcher;
    private final NotificationProperties properties;

    DeliveryAdminController(DeliveryLog deliveries, WebhookDispatcher dispatcher, NotificationProperties properties) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /** A FAILED or DELIVERED delivery sent again now, with a fresh retry window: 202, or 409 while PENDING or SENDING. */
    @PostMapping("/{id}/redeliver")
    ResponseEntity<Object> redeliver(@PathVariable String id) {
        Delivery current = deliveries.find(id).orElseThrow(NotFoundForTenantException::new);
        return deliveries.redeliver(id, properties.webhooks().giveUpAfter()).<ResponseEntity<Object>>map(queued -> {
            dispatcher.wakeUp();
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(queued));
        }).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, current.body() == null
                    ? "Delivery " + id + " can no longer be redelivered: its body was removed (personal data retention)"
                    : "Delivery " + id + " is " + current.status() + "; only FAILED or DELIVERED deliveries can be redelivered");
            problem.setTitle("Conflict");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        });
    }
}
