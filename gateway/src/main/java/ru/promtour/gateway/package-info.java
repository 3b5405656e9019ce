/** The platform's single entrance: routes /octo and /api/v1 to the services that own them. */
package ru.promtour.gateway;
