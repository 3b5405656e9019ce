package ru.promtour.messaging.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import ru.promtour.test.infra.ImportTestInfrastructure;

/** One shared context for every integration test of this module (real broker, real store). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestMessagingApplication.class)
@ImportTestInfrastructure
public @interface MessagingIT {
}
