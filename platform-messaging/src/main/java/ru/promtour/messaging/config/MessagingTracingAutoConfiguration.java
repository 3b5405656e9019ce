package ru.promtour.messaging.config;

import java.util.function.Supplier;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import ru.promtour.messaging.outbox.OutboxTracing;

/**
 * Gives outbox events the trace context of the work that writes them ({@link OutboxTracing}), so the relay can
 * send them inside that trace however late it sends them.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean(Tracer.class)
public class MessagingTracingAutoConfiguration {

    @Bean
    OutboxTraceSource outboxTraceSource(Tracer tracer) {
        return new OutboxTraceSource(tracer);
    }

    /** Installs itself as the process's trace source for outbox events while the context lives. */
    static final class OutboxTraceSource implements Supplier<String>, DisposableBean {

        private final Tracer tracer;

        OutboxTraceSource(Tracer tracer) {
            this.tracer = tracer;
            OutboxTracing.install(this);
        }

        @Override
        public String get() {
            TraceContext context = tracer.currentTraceContext().context();
            return context == null ? null
                    : OutboxTracing.traceparent(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
        }

        @Override
        public void destroy() {
            OutboxTracing.uninstall(this);
        }
    }
}
