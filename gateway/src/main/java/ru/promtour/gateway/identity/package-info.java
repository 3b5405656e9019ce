/** The internal identity: a short-lived JWT the gateway signs per caller and reuses for most of its life, and its key set. */
package ru.promtour.gateway.identity;
