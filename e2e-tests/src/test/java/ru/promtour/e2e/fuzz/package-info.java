/** Schema-driven fuzzing of the platform's JSON endpoints through the gateway: operations, generated requests, the error-shape oracle. */
package ru.promtour.e2e.fuzz;
