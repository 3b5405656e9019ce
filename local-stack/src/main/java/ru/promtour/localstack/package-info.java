/** The local infrastructure of the platform in one small, Spring-free JVM: Kafka, a Mongo-wire store, an SMTP catcher, an SMS sink and a page showing every message sent. */
package ru.promtour.localstack;
