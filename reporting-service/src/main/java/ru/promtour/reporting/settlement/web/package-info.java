/** The agreements and statements API (JSON and CSV), with who may see which party's figures. */
package ru.promtour.reporting.settlement.web;
