package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.audit.AuditEntry;
import com.ai2aim.rx.audit.AuditTrail;
import com.ai2aim.rx.medications.Ingredient;
import com.ai2aim.rx.medications.Ndc;
import com.ai2aim.rx.medications.internal.reference.DeaSchedules;
import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.Role;
import com.ai2aim.rx.platform.web.ApiError;
import com.ai2aim.rx.platform.web.ApiException;
import com.ai2aim.rx.platform.web.ETags;
import com.ai2aim.rx.platform.web.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local products: who may add and change them, NDC normalisation and the audit record. Row-level security already
 * hides other organisations' products (they are "not found"); the rules here add who may change what.
 */
@Service
class MedicationService {

    private final MedicationRepository medications;
    private final AuditTrail audit;

    MedicationService(MedicationRepository medications, AuditTrail audit) {
        this.medications = medications;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public MedicationDetails get(UUID id) {
        return medications.find(id).orElseThrow(() -> ApiException.notFound("Medication"));
    }

    @Transactional
    public MedicationDetails create(MedicationRequests.Create body) {
        Actor actor = Actors.required();
        UUID org = owningOrganisation(actor, body.orgId());
        List<String> ndcs = normaliseNdcs(body.ndcs());
        List<Ingredient> ingredients = ingredients(body.ingredients());
        if (body.rxcui() != null && medications.rxcuiTaken(body.rxcui(), org, null)) {
            throw ApiException.conflict("Your organisation already has a product with this RxCUI");
        }
        if (medications.ndcTaken(ndcs, org, null)) {
            throw ApiException.conflict("Your organisation already has a product with one of these NDCs");
        }
        Integer schedule = body.deaSchedule() != null ? body.deaSchedule() : derivedSchedule(ingredients);
        UUID id = medications.insert(org, actor.userId(), new MedicationRepository.Columns(body.rxcui(), body.name().strip(),
                body.strength(), body.doseForm(), body.route(), ingredients, body.therapeuticClass(), schedule,
                body.mmeFactor(), true));
        medications.replaceNdcs(id, org, ndcs);
        audit.recordChange(AuditEntry.of("medication.create", "medication", id).inOrganisation(org)
                .changed(List.of("name", "rxcui", "strength", "dose_form", "route", "ingredients", "therapeutic_class",
                        "dea_schedule", "mme_factor", "ndcs")));
        return medications.find(id).orElseThrow();
    }

    @Transactional
    public MedicationDetails update(UUID id, MedicationRequests.Update body, Integer expectedVersion) {
        MedicationDetails current = changeable(id);
        List<String> ndcs = body.ndcs() == null ? null : normaliseNdcs(body.ndcs());
        List<Ingredient> ingredients = body.ingredients() == null ? null : ingredients(body.ingredients());
        if (body.rxcui() != null && medications.rxcuiTaken(body.rxcui(), current.orgId(), id)) {
            throw ApiException.conflict("Another product in this catalogue has this RxCUI");
        }
        if (ndcs != null && medications.ndcTaken(ndcs, current.orgId(), id)) {
            throw ApiException.conflict("Another product in this catalogue has one of these NDCs");
        }
        var columns = new MedicationRepository.Columns(body.rxcui(), body.name() == null ? null : body.name().strip(),
                body.strength(), body.doseForm(), body.route(), ingredients, body.therapeuticClass(), body.deaSchedule(),
                body.mmeFactor(), body.active());
        if (!medications.update(id, expectedVersion, columns, false, false)) {
            throw ETags.stale();
        }
        if (ndcs != null) {
            medications.replaceNdcs(id, current.orgId(), ndcs);
        }
        audit.recordChange(AuditEntry.of("medication.update", "medication", id).inOrganisation(current.orgId())
                .changed(changedFields(body)));
        return medications.find(id).orElseThrow();
    }

    @Transactional
    public void deactivate(UUID id) {
        MedicationDetails current = changeable(id);
        var columns = new MedicationRepository.Columns(null, null, null, null, null, null, null, null, null, false);
        medications.update(id, null, columns, false, false);
        audit.recordChange(AuditEntry.of("medication.deactivate", "medication", id).inOrganisation(current.orgId())
                .changed(List.of("is_active")).withDetails(Map.of("wasActive", current.active())));
    }

    /** The product, if the actor may change it: their organisation's local product, or anything for a global admin. */
    private MedicationDetails changeable(UUID id) {
        Actor actor = Actors.required();
        MedicationDetails current = medications.find(id).orElseThrow(() -> ApiException.notFound("Medication"));
        if (actor.isGlobalAdmin()) {
            return current;
        }
        if (current.orgId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Reference products can only be changed by a global admin");
        }
        if (!(actor.role() == Role.ADMIN || actor.role() == Role.PHARMACIST) || !current.orgId().equals(actor.orgId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only admins and pharmacists of its organisation may change this product");
        }
        return current;
    }

    private UUID owningOrganisation(Actor actor, UUID requested) {
        if (actor.isGlobalAdmin()) {
            if (requested == null) {
                throw ApiException.invalid("orgId", "is required for a global admin (the organisation that owns the product)");
            }
            if (!medications.organisationExists(requested)) {
                throw ApiException.invalid("orgId", "organisation does not exist");
            }
            return requested;
        }
        if (requested != null && !requested.equals(actor.orgId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You may only add products to your own organisation");
        }
        return actor.orgId();
    }

    static List<String> normaliseNdcs(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> ndcs = new LinkedHashSet<>();
        List<ApiError.FieldDetail> problems = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                ndcs.add(Ndc.parse(raw.get(i)).value());
            } catch (IllegalArgumentException e) {
                problems.add(new ApiError.FieldDetail("ndcs[" + i + "]", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Request validation failed", problems);
        }
        return List.copyOf(ndcs);
    }

    /** Known ingredient RxCUIs take the catalogue's name; unknown ones keep the name given. */
    private List<Ingredient> ingredients(List<MedicationRequests.IngredientInput> input) {
        Map<String, String> known = medications.ingredientNames(input.stream().map(MedicationRequests.IngredientInput::rxcui)
                .filter(java.util.Objects::nonNull).toList());
        return input.stream().map(i -> new Ingredient(i.rxcui(), i.rxcui() != null && known.containsKey(i.rxcui())
                ? known.get(i.rxcui()) : i.name().strip())).toList();
    }

    /** The most restrictive federal schedule of the ingredients, when the client gives none. */
    private static Integer derivedSchedule(List<Ingredient> ingredients) {
        Integer schedule = null;
        for (Ingredient i : ingredients) {
            Integer own = DeaSchedules.forIngredient(i.name());
            if (own != null && (schedule == null || own < schedule)) {
                schedule = own;
            }
        }
        return schedule;
    }

    private static List<String> changedFields(MedicationRequests.Update body) {
        List<String> fields = new ArrayList<>();
        if (body.name() != null) fields.add("name");
        if (body.rxcui() != null) fields.add("rxcui");
        if (body.strength() != null) fields.add("strength");
        if (body.doseForm() != null) fields.add("dose_form");
        if (body.route() != null) fields.add("route");
        if (body.ingredients() != null) fields.add("ingredients");
        if (body.therapeuticClass() != null) fields.add("therapeutic_class");
        if (body.deaSchedule() != null) fields.add("dea_schedule");
        if (body.mmeFactor() != null) fields.add("mme_factor");
        if (body.ndcs() != null) fields.add("ndcs");
        if (body.active() != null) fields.add("is_active");
        return fields;
    }
}
