/** Checks serialized events against the JSON Schemas in {@code contracts/} and loads their examples. */
package ru.promtour.test.contracts;
