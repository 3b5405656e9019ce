/** HTTP-level assertions shared by the applications' integration tests. */
package ru.promtour.test.web;
