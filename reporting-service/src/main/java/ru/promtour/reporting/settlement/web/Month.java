package ru.promtour.reporting.settlement.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/** A statement month, {@code yyyy-MM}. */
@Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "must be a month yyyy-MM such as 2025-03")
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface Month {

    String message() default "must be a month yyyy-MM";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
