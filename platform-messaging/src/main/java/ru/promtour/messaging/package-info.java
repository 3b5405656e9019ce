/** Messaging backbone shared by the services: outbox relay, CloudEvents envelope, idempotent consumers, dead letters. */
package ru.promtour.messaging;
