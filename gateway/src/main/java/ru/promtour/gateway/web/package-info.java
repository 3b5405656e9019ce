/** HTTP at the edge: request limits, the forwarded headers, and problem+json for what the gateway cannot route. */
package ru.promtour.gateway.web;
