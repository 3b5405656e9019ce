package ru.promtour.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Connects a Spring Boot test context to the shared test Kafka and MongoDB ({@link TestInfrastructure}):
 * {@code @ServiceConnection} containers under Testcontainers, connection-details beans otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(TestInfrastructureSelector.class)
public @interface ImportTestInfrastructure {

    /** Whether the context needs Kafka (the gateway, say, does not). */
    boolean kafka() default true;

    /** Whether the context needs MongoDB. */
    boolean mongo() default true;
}
