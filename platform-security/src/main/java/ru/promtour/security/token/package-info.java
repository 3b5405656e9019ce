/** The internal JWT contract: claim names, validators and the conversion of a verified token into a tenant. */
package ru.promtour.security.token;
