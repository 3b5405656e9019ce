package ru.promtour.security.token;

/**
 * Names and fixed values of the internal JWT the gateway mints (ES256, header {@code kid}, lifetime 60 s).
 * The gateway and {@code TestTokens} write these claims; the validators and the converter read them.
 */
public final class InternalTokenClaims {

    /** Default {@code iss}. */
    public static final String ISSUER = "promtour-gateway";
    /** Default audience, one entry of the {@code aud} array. */
    public static final String AUDIENCE = "promtour-services";
    /** {@code ADMIN} | {@code ENTERPRISE} | {@code OPERATOR}. */
    public static final String TENANT_TYPE = "tenant_type";
    /** Enterprise id, operator id, or {@code admin}. */
    public static final String TENANT_ID = "tenant_id";
    /** Id of the API key the gateway authenticated. */
    public static final String KEY_ID = "key_id";
    /** The {@code X-Request-Id} of the original request. */
    public static final String REQUEST_ID = "request_id";
    /** Display name of the tenant (operators: as registered at the gateway); optional. */
    public static final String TENANT_NAME = "tenant_name";
    /** Contact email of the tenant (operators: as registered at the gateway); optional. */
    public static final String TENANT_EMAIL = "tenant_email";
    /** The tenant id of the platform admin. */
    public static final String ADMIN_TENANT_ID = "admin";

    private InternalTokenClaims() {
    }
}
