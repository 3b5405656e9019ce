package ru.promtour.reporting.settlement.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/** An operator, enterprise, program or agreement id as the platform writes them ({@code ent-…}, {@code exc-<uuid>}). */
@Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$",
        message = "must be 1-100 letters, digits or . _ : - (starting with a letter or digit)")
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface PlatformId {

    String message() default "must be an id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
