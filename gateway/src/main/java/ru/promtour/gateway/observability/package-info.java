/** Request ids and the access log: one line per request, never a key or a token. */
package ru.promtour.gateway.observability;
