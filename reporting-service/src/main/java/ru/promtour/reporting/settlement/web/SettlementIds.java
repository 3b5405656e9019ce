package ru.promtour.reporting.settlement.web;

/** The shapes of the parameters the settlement API accepts. */
final class SettlementIds {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";
    static final String ID_MESSAGE = "must be 1-100 letters, digits or . _ : - (starting with a letter or digit)";
    static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    static final String MONTH_MESSAGE = "must be a month yyyy-MM such as 2025-03";

    private SettlementIds() {
    }
}
