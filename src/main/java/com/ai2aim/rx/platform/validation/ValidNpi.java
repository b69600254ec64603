package com.ai2aim.rx.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid NPI (null is allowed; combine with @NotNull when required). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidNpi.Validator.class)
public @interface ValidNpi {
    String message() default "must be a 10-digit NPI with a valid check digit";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNpi, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Npi.isValid(value);
        }
    }
}
