package ru.promtour.catalog.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An IANA time zone id that {@link ZoneId#of(String)} knows, e.g. {@code Asia/Irkutsk}; null is valid. */
@Documented
@Constraint(validatedBy = TimeZoneId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

    String message() default "must be an IANA time zone id such as Europe/Moscow";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts region ids only: fixed offsets like {@code +03:00} would silently ignore future rule changes. */
    class Validator implements ConstraintValidator<TimeZoneId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.contains("/")) {
                return false;
            }
            try {
                ZoneId.of(value);
                return true;
            }
            catch (DateTimeException ex) {
                return false;
            }
        }
    }
}
