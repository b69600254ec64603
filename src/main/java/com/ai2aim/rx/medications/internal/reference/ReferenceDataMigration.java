package com.ai2aim.rx.medications.internal.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * V2_1_1: loads the reference catalogue and the interaction knowledge base into a fresh database.
 *
 * <p>A Java migration rather than a generated SQL file because the rows are derived, not copied: display names are
 * parsed, schedules and MME factors applied, the ANSM mapping corrected and class entries expanded. Doing that here
 * keeps one implementation (unit-tested in plain JUnit) instead of a generator script plus a multi-megabyte SQL file
 * that must be regenerated and reviewed by hand. Its checksum covers the shipped files, so editing reference data
 * after release is caught by Flyway's validation; a correction ships as a new migration.
 */
@Component
public class ReferenceDataMigration implements JavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1.1");
    }

    @Override
    public String getDescription() {
        return "medications reference catalogue and interaction knowledge base";
    }

    @Override
    public Integer getChecksum() {
        return ReferenceFiles.checksum();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        IngredientSources.AnsmMapping ansm = IngredientSources.ansm();
        IngredientDirectory directory = IngredientSources.directory(ansm);
        CatalogueBuilder.Catalogue catalogue = new CatalogueBuilder(directory).build();
        InteractionBuilder.KnowledgeBase knowledge = new InteractionBuilder(directory, ansm).build();
        Connection c = context.getConnection();
        insertIngredients(c, directory.entries());
        insertProducts(c, catalogue.products());
        insertKnowledge(c, knowledge);
    }

    private static void insertIngredients(Connection c, java.util.Collection<IngredientDirectory.Entry> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into medication_ingredients (rxcui, name, name_language, therapeutic_class, dea_schedule, mme_factor, mme_note, source)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (IngredientDirectory.Entry e : entries) {
                s.setString(1, e.rxcui());
                s.setString(2, e.name());
                s.setString(3, e.language());
                s.setString(4, e.therapeuticClass());
                setInt(s, 5, DeaSchedules.forIngredient(e.name()));
                s.setBigDecimal(6, e.mmeFactor());
                s.setString(7, e.mmeNote());
                s.setString(8, e.source());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertProducts(Connection c, List<ProductRow> products) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into medications (id, rxcui, tty, name, brand, strength, dose_form, route, ingredients, ingredient_rxcuis,
                    therapeutic_class, value_sets, dea_schedule, mme_factor, mme_note, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement n = c.prepareStatement("insert into medication_ndcs (ndc, medication_id) values (?, ?)")) {
            for (ProductRow p : products) {
                java.util.UUID id = java.util.UUID.randomUUID();
                s.setObject(1, id);
                s.setString(2, p.rxcui());
                s.setString(3, p.tty());
                s.setString(4, p.name());
                s.setString(5, p.brand());
                s.setString(6, p.strength());
                s.setString(7, p.doseForm());
                s.setString(8, p.route());
                s.setString(9, JSON.writeValueAsString(p.ingredients().stream().map(i -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("rxcui", i.rxcui());
                    m.put("name", i.name());
                    m.put("preciseName", i.preciseName());
                    m.put("strength", i.strength());
                    return m;
                }).toList()));
                s.setArray(10, c.createArrayOf("text", p.ingredients().stream().map(ProductRow.IngredientRow::rxcui)
                        .filter(java.util.Objects::nonNull).distinct().toArray()));
                s.setString(11, p.therapeuticClass());
                s.setArray(12, c.createArrayOf("text", p.valueSets().toArray()));
                setInt(s, 13, p.deaSchedule());
                s.setBigDecimal(14, p.mmeFactor());
                s.setString(15, p.mmeNote());
                s.setString(16, p.source());
                s.addBatch();
                for (String ndc : p.ndcs()) {
                    n.setString(1, ndc);
                    n.setObject(2, id);
                    n.addBatch();
                }
            }
            s.executeBatch();
            n.executeBatch();
        }
    }

    private static void insertKnowledge(Connection c, InteractionBuilder.KnowledgeBase kb) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into drug_interaction_rules (id, source, source_ref, left_side, right_side, severity, severity_rank,
                    specificity, description, recommendation, source_text, source_language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (InteractionBuilder.Rule r : kb.rules()) {
                s.setInt(1, r.id());
                s.setString(2, r.source());
                s.setString(3, r.sourceRef());
                s.setString(4, r.leftSide());
                s.setString(5, r.rightSide());
                s.setString(6, r.severity().value());
                s.setInt(7, r.severity().ordinal());
                s.setInt(8, r.specificity());
                s.setString(9, r.description());
                s.setString(10, r.recommendation());
                s.setString(11, r.sourceText());
                s.setString(12, r.sourceLanguage());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into drug_interaction_sides (side_key, rxcui) values (?, ?)")) {
            for (Map.Entry<String, Set<String>> side : kb.sides().entrySet()) {
                for (String rxcui : side.getValue()) {
                    s.setString(1, side.getKey());
                    s.setString(2, rxcui);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into drug_interaction_pairs (rxcui_low, rxcui_high, rule_id) values (?, ?, ?)")) {
            int batched = 0;
            for (InteractionBuilder.Pair p : kb.pairs()) {
                s.setString(1, p.low());
                s.setString(2, p.high());
                s.setInt(3, p.ruleId());
                s.addBatch();
                if (++batched % 5000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.SMALLINT);
        } else {
            s.setInt(index, value);
        }
    }
}
