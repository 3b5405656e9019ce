/** Who is calling (the tenant from the internal token) and the ownership checks that answer 404 for others' data. */
package ru.promtour.security.tenant;
