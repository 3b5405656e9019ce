/** The HTTP side: the shared filter chain rules and the 401/403 bodies (problem+json, OCTO errors on /octo). */
package ru.promtour.security.web;
