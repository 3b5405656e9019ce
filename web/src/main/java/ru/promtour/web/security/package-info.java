/** People sign in with e-mail and password; the gateway checks them and keeps the session token (ADR 0008). */
package ru.promtour.web.security;
