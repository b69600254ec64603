package com.ai2aim.rx.medications.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code POST /api/medications} and {@code PUT /api/medications/{id}}. */
final class MedicationRequests {

    static final String RXCUI = "[0-9]{1,9}";
    static final String RXCUI_MESSAGE = "must be an RxCUI (1 to 9 digits)";

    private MedicationRequests() {}

    record IngredientInput(@Pattern(regexp = RXCUI, message = RXCUI_MESSAGE) String rxcui,
                           @NotBlank @Size(max = 200) String name) {}

    /** A local product. {@code orgId} only for a global admin, who has no organisation of their own. */
    record Create(@NotBlank @Size(max = 300) String name,
                  @Pattern(regexp = RXCUI, message = RXCUI_MESSAGE) String rxcui,
                  @Size(max = 100) String strength,
                  @Size(max = 100) String doseForm,
                  @Size(max = 60) String route,
                  @NotEmpty @Size(max = 10) List<@NotNull @Valid IngredientInput> ingredients,
                  @Size(max = 100) String therapeuticClass,
                  @Min(1) @Max(5) Integer deaSchedule,
                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal mmeFactor,
                  @Size(max = 20) List<@NotBlank @Size(max = 20) String> ndcs,
                  UUID orgId) {}

    /** Fields left out stay as they are; {@code ndcs} and {@code ingredients}, when given, replace the lists. */
    record Update(@Size(min = 1, max = 300) String name,
                  @Pattern(regexp = RXCUI, message = RXCUI_MESSAGE) String rxcui,
                  @Size(max = 100) String strength,
                  @Size(max = 100) String doseForm,
                  @Size(max = 60) String route,
                  @Size(min = 1, max = 10) List<@NotNull @Valid IngredientInput> ingredients,
                  @Size(max = 100) String therapeuticClass,
                  @Min(1) @Max(5) Integer deaSchedule,
                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal mmeFactor,
                  @Size(max = 20) List<@NotBlank @Size(max = 20) String> ndcs,
                  Boolean active) {}
}
