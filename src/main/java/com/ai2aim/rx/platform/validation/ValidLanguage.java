package com.ai2aim.rx.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A language, optionally with a region ({@code es}, {@code es-MX}); null is allowed. One form for a notification
 * template's locale and a patient's or user's message language, since the one picks the other; the database checks
 * the same form on each column.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidLanguage.Validator.class)
public @interface ValidLanguage {
    String message() default "must be a language code such as es or es-MX";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidLanguage, String> {
        private static final Pattern FORM = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FORM.matcher(value).matches();
        }
    }
}
