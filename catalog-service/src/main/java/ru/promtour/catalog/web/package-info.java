/** Error mapping shared by every HTTP endpoint: problem+json with field errors. */
package ru.promtour.catalog.web;
