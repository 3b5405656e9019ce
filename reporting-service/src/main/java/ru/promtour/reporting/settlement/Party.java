package ru.promtour.reporting.settlement;

/** A side of a statement: the operator or the enterprise whose figures it shows. */
public record Party(Type type, String id) {

    public enum Type {
        OPERATOR, ENTERPRISE
    }

    public static Party operator(String id) {
        return new Party(Type.OPERATOR, id);
    }

    public static Party enterprise(String id) {
        return new Party(Type.ENTERPRISE, id);
    }

    /** The booking field that holds this party's id. */
    String field() {
        return type == Type.OPERATOR ? "operatorId" : "enterpriseId";
    }

    /** The type of the other side: an operator's statement is grouped by enterprise and vice versa. */
    public Type counterpartyType() {
        return type == Type.OPERATOR ? Type.ENTERPRISE : Type.OPERATOR;
    }
}
