/** Each service's OpenAPI description, declaring the bearer token the security filter enforces. */
package ru.promtour.security.openapi;
