/**
 * The HTTP side: the shared filter chain rules, the 401/403 bodies (problem+json, OCTO errors on /octo) and
 * where in a request body Jackson failed, for the services' own error bodies.
 */
package ru.promtour.security.web;
