package com.ai2aim.rx.prescriptions.internal.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules engine of prescription verification: runs every policy over the input and turns the findings into a
 * verdict. Pure and thread-safe; the caller loads the facts and stores the result.
 */
public final class PrescriptionVerifier {

    /** The verdict with its findings, most severe first. */
    public record Result(Verdict verdict, List<Finding> findings) {

        public Result {
            findings = List.copyOf(findings);
        }
    }

    private final List<VerificationPolicy> policies;

    public PrescriptionVerifier(List<VerificationPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** Every built-in policy, in the order the findings are reported. */
    public static PrescriptionVerifier withAllPolicies(DrugInteractionPolicy.Interactions interactions) {
        return withAllPolicies(interactions, List.of());
    }

    /**
     * The built-in policies followed by a deployment's own (Spring beans implementing {@link VerificationPolicy}, for
     * local formulary or organisation rules); a policy that throws fails the verification, which is then retried and
     * finally left to a pharmacist.
     */
    public static PrescriptionVerifier withAllPolicies(DrugInteractionPolicy.Interactions interactions,
                                                       List<VerificationPolicy> localPolicies) {
        List<VerificationPolicy> all = new ArrayList<>(List.of(new AllergyToIngredientOrClassPolicy(),
                new DrugInteractionPolicy(interactions), new DuplicateTherapyPolicy(), new OpioidDailyMmePolicy(),
                new OpioidBenzodiazepineOverlapPolicy(), new ControlledSubstanceRulesPolicy(),
                new QuantityTimesDaysSupplySanityPolicy()));
        all.addAll(localPolicies);
        return new PrescriptionVerifier(all);
    }

    public List<String> policyNames() {
        return policies.stream().map(VerificationPolicy::name).toList();
    }

    public Result verify(VerificationInput input) {
        List<Finding> findings = new ArrayList<>();
        for (VerificationPolicy policy : policies) {
            findings.addAll(policy.apply(input));
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return new Result(Verdict.of(findings), findings);
    }
}
