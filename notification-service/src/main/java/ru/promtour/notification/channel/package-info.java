/** Outbound adapters (SMTP email, HTTP SMS) and the Resilience4j retry, breaker and rate limiter around them. */
package ru.promtour.notification.channel;
