package ru.promtour.reporting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;

/** One context for every integration test of the service (they share the broker and the store, with fresh ids). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reporting.projection.reconcile-interval=200ms", "platform.messaging.metrics.poll-interval=1s"})
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
public @interface ReportingTest {
}
