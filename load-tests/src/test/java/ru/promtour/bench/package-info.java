/** Benchmarks of the running local stack: Gatling simulations, their floors, and the report they write. */
package ru.promtour.bench;
