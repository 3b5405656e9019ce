package ru.promtour.notification.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import ru.promtour.notification.booking.ReminderTimes;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

/** Wiring of the notification service: its clock, reminder times and the path rule stricter than the platform's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** One clock for queueing, dispatching and reminders; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReminderTimes reminderTimes(NotificationProperties properties) {
        return new ReminderTimes(properties.reminders().at(), properties.reminders().manifestDaysBefore());
    }

    /** Resending a message is the admin's call; reading the log is open to the booking's operator and enterprise. */
    @Bean
    AuthorizationRulesCustomizer notificationRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/v1/notifications/*/resend").hasRole("ADMIN");
    }
}
