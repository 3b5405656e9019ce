package ru.promtour.messaging.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the Kafka cluster answers, so an instance that cannot publish or consume shows DOWN
 * in {@code /actuator/health} (Spring Boot has no Kafka indicator of its own).
 * <p>
 * One {@code describeCluster} call with a short timeout on a long-lived {@link Admin} client: UP with
 * {@code clusterId} and {@code nodes}, DOWN with the error.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    /**
     * @param adminConfig admin client configuration (e.g. {@code KafkaAdmin.getConfigurationProperties()})
     * @param timeout     how long one check may take
     */
    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        this.adminConfig = new HashMap<>(adminConfig);
        int millis = (int) Math.max(1, timeout.toMillis());
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin()
                    .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("clusterId", String.valueOf(clusterId))
                    .withDetail("nodes", nodes.size()).build();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Health.down(ex).build();
        }
        catch (ExecutionException ex) {
            return Health.down(ex.getCause() != null ? ex.getCause() : ex).build();
        }
        catch (TimeoutException | RuntimeException ex) {
            return Health.down(ex).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
