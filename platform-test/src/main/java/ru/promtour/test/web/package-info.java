/** The platform's one HTTP test client and the HTTP-level assertions shared by the applications' integration tests. */
package ru.promtour.test.web;
