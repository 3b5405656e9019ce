package ru.promtour.notification.webhook;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The operators' webhooks: registered (URL checked, secret made), listed and deleted only by their operator. */
@Component
public class Webhooks implements SmartInitializingSingleton {

    static final int MAX_PRODUCTS = 100;

    private final MongoOperations mongo;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final NotificationProperties.Webhooks settings;
    private final Clock clock;

    public Webhooks(MongoOperations mongo, WebhookTargets targets, WebhookSecrets secrets,
                    NotificationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.targets = targets;
        this.secrets = secrets;
        this.settings = properties.webhooks();
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Webhook.COLLECTION).createIndex(new Index().on("operatorId", Sort.Direction.ASC)
                .on("event", Sort.Direction.ASC).named("operator_event"));
    }

    /** A new webhook and its secret (shown once). */
    public record Registered(Webhook webhook, String secret) {
    }

    /**
     * Registers a webhook of {@code operatorId}.
     *
     * @param productIds for {@code availability_update}, which products (required); ignored otherwise
     * @throws RefusedWebhookException for a refused URL, an unknown event, missing products, too many webhooks
     */
    public Registered register(String operatorId, String event, String url, List<String> productIds) {
        WebhookEvent kind = WebhookEvent.of(event).orElseThrow(() ->
                new RefusedWebhookException("event must be booking_update or availability_update"));
        String checked = targets.check(url).toString();
        List<String> products = List.of();
        if (kind == WebhookEvent.AVAILABILITY_UPDATE) {
            if (productIds == null || productIds.isEmpty() || productIds.stream().anyMatch(p -> p == null || p.isBlank())) {
                throw new RefusedWebhookException("productIds must name the products whose availability is sent");
            }
            if (productIds.size() > MAX_PRODUCTS) {
                throw new RefusedWebhookException("productIds may name at most " + MAX_PRODUCTS + " products");
            }
            products = productIds.stream().map(String::trim).distinct().toList();
        }
        if (mongo.count(query(where("operatorId").is(operatorId)), Webhook.class) >= settings.maxPerOperator()) {
            throw new RefusedWebhookException("at most " + settings.maxPerOperator() + " webhooks per operator");
        }
        String secret = secrets.newSecret();
        Webhook webhook = mongo.insert(new Webhook(UUID.randomUUID().toString(), operatorId, kind, checked, products,
                // at the store's precision, so the answer shows the createdAt every later read shows
                secrets.encrypt(secret), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return new Registered(webhook, secret);
    }

    public List<Webhook> of(String operatorId) {
        return mongo.find(query(where("operatorId").is(operatorId)).with(Sort.by("createdAt", "_id")), Webhook.class);
    }

    /** The webhook if it is {@code operatorId}'s; another operator's is as absent as an unknown one. */
    public Optional<Webhook> find(String operatorId, String id) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(id).and("operatorId").is(operatorId)), Webhook.class));
    }

    public Optional<Webhook> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Webhook.class));
    }

    /** @return false when {@code operatorId} has no such webhook */
    public boolean delete(String operatorId, String id) {
        return mongo.remove(query(where("_id").is(id).and("operatorId").is(operatorId)), Webhook.class).getDeletedCount() == 1;
    }

    /** The webhooks told about {@code event} for {@code operatorId}. */
    public List<Webhook> subscribed(String operatorId, WebhookEvent event) {
        return mongo.find(query(where("operatorId").is(operatorId).and("event").is(event)), Webhook.class);
    }

    /** Every operator's availability webhooks that chose {@code productId}. */
    public List<Webhook> subscribedToProduct(String productId) {
        return mongo.find(query(where("event").is(WebhookEvent.AVAILABILITY_UPDATE).and("productIds").is(productId)),
                Webhook.class);
    }
}
