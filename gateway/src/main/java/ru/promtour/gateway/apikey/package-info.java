/** API keys: issued to a tenant, shown once, stored only as a hash, revoked at once. */
package ru.promtour.gateway.apikey;
