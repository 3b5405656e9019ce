/** What a caller gets when a service is slow or down: a fast 503 in its own error shape, with Retry-After. */
package ru.promtour.gateway.resilience;
