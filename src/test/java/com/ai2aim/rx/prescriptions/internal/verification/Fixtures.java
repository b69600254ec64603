package com.ai2aim.rx.prescriptions.internal.verification;

import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.MedicationView;
import com.ai2aim.rx.patients.AllergyView;
import com.ai2aim.rx.patients.PatientView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hand-built catalogue products, patients and prescriptions for the policy tests (no Spring, no database). */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static final Ingredient OXYCODONE = new Ingredient("7804", "oxycodone");
    static final Ingredient MORPHINE = new Ingredient("7052", "morphine");
    static final Ingredient FENTANYL = new Ingredient("4337", "fentanyl");
    static final Ingredient ACETAMINOPHEN = new Ingredient("161", "acetaminophen");
    static final Ingredient AMOXICILLIN = new Ingredient("723", "amoxicillin");
    static final Ingredient ALPRAZOLAM = new Ingredient("596", "alprazolam");
    static final Ingredient DIAZEPAM = new Ingredient("3322", "diazepam");
    static final Ingredient SIMVASTATIN = new Ingredient("36567", "simvastatin");
    static final Ingredient ATORVASTATIN = new Ingredient("83367", "atorvastatin");
    static final Ingredient CLARITHROMYCIN = new Ingredient("21212", "clarithromycin");
    static final Ingredient SULFAMETHOXAZOLE = new Ingredient("10180", "sulfamethoxazole");
    static final Ingredient FUROSEMIDE = new Ingredient("4603", "furosemide");

    private Fixtures() {}

    static MedicationView product(String strength, String doseForm, String therapeuticClass, Integer schedule, String mme,
                                  Ingredient... ingredients) {
        return new MedicationView(UUID.randomUUID(), null, "test product", strength, doseForm, "Oral", List.of(ingredients),
                therapeuticClass, schedule, mme == null ? null : new BigDecimal(mme), List.of(), true, null);
    }

    static MedicationView oxycodone5() {
        return product("5 MG", "Oral Tablet", "opioid analgesic", 2, "1.5", OXYCODONE);
    }

    static MedicationView morphine(String mg) {
        return product(mg + " MG", "Oral Tablet", "opioid analgesic", 2, "1", MORPHINE);
    }

    static MedicationView alprazolam() {
        return product("0.5 MG", "Oral Tablet", "benzodiazepine", 4, null, ALPRAZOLAM);
    }

    static MedicationView amoxicillin() {
        return product("500 MG", "Oral Capsule", "antibiotic", null, null, AMOXICILLIN);
    }

    static MedicationView plain(String therapeuticClass, Ingredient... ingredients) {
        return product("10 MG", "Oral Tablet", therapeuticClass, null, null, ingredients);
    }

    static Therapy therapy(MedicationView medication, String quantity, int daysSupply) {
        return therapy(medication, quantity, "tablet", daysSupply, 0);
    }

    static Therapy therapy(MedicationView medication, String quantity, String unit, int daysSupply, int refills) {
        return new Therapy(UUID.randomUUID(), medication, new BigDecimal(quantity), unit, daysSupply, refills, TODAY,
                TODAY.plusMonths(6));
    }

    static AllergyView allergy(String substance, String rxcui, String drugClass, String severity) {
        return new AllergyView(UUID.randomUUID(), substance, rxcui, drugClass, "rash", severity);
    }

    static PatientView patient(AllergyView... allergies) {
        return new PatientView(UUID.randomUUID(), UUID.randomUUID(), "MRN-1", "Ada", "Lovelace", LocalDate.of(1970, 1, 1),
                null, null, true, List.of(allergies), List.of());
    }

    static VerificationInput input(Therapy candidate, Therapy... others) {
        return new VerificationInput(candidate, patient(), List.of(others), TODAY);
    }
}
