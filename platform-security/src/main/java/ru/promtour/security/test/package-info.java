/** Test support for services: a JVM-wide test signing key, token minting and a decoder that trusts it. */
package ru.promtour.security.test;
