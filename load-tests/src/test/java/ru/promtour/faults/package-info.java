/**
 * The fault suite ({@code load-tests/faults.sh}): a bounded booking workload from several operators through the
 * gateway while a process is killed, the local stack stops, the message sinks fail or poison records arrive; then
 * a settle phase and a full count against the stores, the message log and the dead-letter topics
 * ({@code docs/reliability.md}).
 */
package ru.promtour.faults;
