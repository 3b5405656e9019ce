package ru.promtour.reporting.settlement;

/** A request that contradicts the state of settlement (a closed month, an agreement already in force): 409. */
public class SettlementConflictException extends RuntimeException {

    public SettlementConflictException(String message) {
        super(message);
    }
}
