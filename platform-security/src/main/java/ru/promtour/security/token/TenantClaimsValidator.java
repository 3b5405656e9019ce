package ru.promtour.security.token;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import ru.promtour.security.tenant.TenantType;

/**
 * Rejects a correctly signed token that does not say who the caller is: {@code tenant_type} must be one
 * of {@link TenantType} and {@code tenant_id} a non-blank string. Without this a token minted for some
 * other purpose with the same key would authenticate as nobody in particular.
 */
public final class TenantClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (TenantType.parse(jwt.getClaims().get(InternalTokenClaims.TENANT_TYPE)).isEmpty()) {
            return failure("The tenant_type claim is missing or unknown");
        }
        if (!(jwt.getClaims().get(InternalTokenClaims.TENANT_ID) instanceof String id) || id.isBlank()) {
            return failure("The tenant_id claim is missing or blank");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
