/** Chooses and starts the Kafka and MongoDB that integration tests run against. */
package ru.promtour.test.infra;
