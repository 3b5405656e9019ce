package ru.promtour.notification.webhook.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.notification.webhook.DeliveryLog;
import ru.promtour.notification.webhook.RefusedWebhookException;
import ru.promtour.notification.webhook.Webhook;
import ru.promtour.notification.webhook.Webhooks;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;

/**
 * OCTO {@code octo/webhooks} for operators (the platform rule lets only the OPERATOR role in under {@code /octo/**}):
 * each operator sees, deletes and reads the delivery log of its own webhooks only; another operator's id is the
 * same 404 as an unknown one. Errors in OCTO's shape ({@link OctoWebhookErrors}).
 */
@RestController
@RequestMapping("/octo/webhooks")
class WebhookController {

    static final String CAPABILITIES = "Octo-Capabilities";

    private final Webhooks webhooks;
    private final DeliveryLog deliveries;
    private final CurrentTenant tenant;

    WebhookController(Webhooks webhooks, DeliveryLog deliveries, CurrentTenant tenant) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.tenant = tenant;
    }

    /** OCTO answers every request with the capabilities it asked for; this one needs none. */
    @ModelAttribute
    void capabilities(@RequestHeader(name = CAPABILITIES, required = false) String asked, HttpServletResponse response) {
        response.setHeader(CAPABILITIES, asked == null ? "" : asked);
    }

    @GetMapping
    List<WebhookView> list() {
        return webhooks.of(tenant.get().id()).stream().map(WebhookView::of).toList();
    }

    /** Registers a webhook: 200 with its signing {@code secret}, shown here and never again. */
    @PostMapping
    WebhookView register(@RequestBody WebhookRequest request) {
        if (request == null) {
            throw new RefusedWebhookException("A JSON body is required");
        }
        Webhooks.Registered registered = webhooks.register(tenant.get().id(), request.event(), request.url(),
                request.productIds());
        return WebhookView.withSecret(registered.webhook(), registered.secret());
    }

    @DeleteMapping("/{id}")
    WebhookView delete(@PathVariable String id) {
        Webhook webhook = owned(id);
        if (!webhooks.delete(tenant.get().id(), id)) {
            throw new NotFoundForTenantException();
        }
        return WebhookView.of(webhook);
    }

    /** The webhook's deliveries, newest first, each with its attempts. */
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        Webhook webhook = owned(id);
        return deliveries.byWebhook(webhook.id(), Math.max(1, Math.min(limit, 200))).stream().map(DeliveryView::of).toList();
    }

    private Webhook owned(String id) {
        return webhooks.find(tenant.get().id(), id).orElseThrow(NotFoundForTenantException::new);
    }
}
