/** Tour operators registered by the platform admin: the OPERATOR tenants of API keys. */
package ru.promtour.gateway.tenant;
