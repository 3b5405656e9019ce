package ru.promtour.catalog.octo;

/**
 * A request OCTO answers with HTTP 400 and {@code {"error": code, "errorMessage": message}}; for the
 * {@code INVALID_*_ID} codes the offending value goes along under {@code field} ({@code productId}, ...).
 */
public class OctoException extends RuntimeException {

    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String INVALID_PRODUCT_ID = "INVALID_PRODUCT_ID";
    public static final String INVALID_OPTION_ID = "INVALID_OPTION_ID";
    public static final String INVALID_UNIT_ID = "INVALID_UNIT_ID";
    public static final String INVALID_AVAILABILITY_ID = "INVALID_AVAILABILITY_ID";

    private final String code;
    private final String field;
    private final String value;

    private OctoException(String code, String message, String field, String value) {
        super(message);
        this.code = code;
        this.field = field;
        this.value = value;
    }

    public static OctoException badRequest(String message) {
        return new OctoException(BAD_REQUEST, message, null, null);
    }

    public static OctoException invalidProduct(String productId) {
        return new OctoException(INVALID_PRODUCT_ID, "The productId was missing or invalid", "productId", productId);
    }

    public static OctoException invalidOption(String optionId) {
        return new OctoException(INVALID_OPTION_ID, "The optionId was missing or invalid (the only option is "
                + OctoCatalog.OPTION_ID + ")", "optionId", optionId);
    }

    public static OctoException invalidUnit(String unitId) {
        return new OctoException(INVALID_UNIT_ID, "The unitId was missing or invalid", "unitId", unitId);
    }

    public static OctoException invalidAvailability(String availabilityId) {
        return new OctoException(INVALID_AVAILABILITY_ID, "The availabilityId was missing or invalid", "availabilityId",
                availabilityId);
    }

    public String code() {
        return code;
    }

    /** Name of the id field the body carries, or null. */
    public String field() {
        return field;
    }

    /** The offending id (null when it was missing). */
    public String value() {
        return value;
    }
}
