package com.ai2aim.rx.medications.internal.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.medications.Severity;
import com.ai2aim.rx.medications.internal.InteractionIndex;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The derived reference data, checked without a database. */
class ReferenceDataTests {

    static IngredientSources.AnsmMapping ansm;
    static IngredientDirectory directory;
    static CatalogueBuilder.Catalogue catalogue;
    static InteractionBuilder.KnowledgeBase knowledge;

    @BeforeAll
    static void build() {
        ansm = IngredientSources.ansm();
        directory = IngredientSources.directory(ansm);
        catalogue = new CatalogueBuilder(directory).build();
        knowledge = new InteractionBuilder(directory, ansm).build();
    }

    @Test
    void everyValueSetCodeBecomesAProduct() {
        List<ProductRow> fromValueSets = catalogue.products().stream().filter(p -> p.source().equals("rxnorm-cdc-value-set")).toList();
        assertThat(fromValueSets).hasSize(785);
        assertThat(fromValueSets).allSatisfy(p -> {
            assertThat(p.strength()).isNotBlank();
            assertThat(p.doseForm()).isNotBlank();
            assertThat(p.therapeuticClass()).isNotBlank();
            assertThat(p.ingredients()).isNotEmpty();
        });
        assertThat(fromValueSets.stream().filter(p -> p.valueSets().containsAll(List.of("opioid", "naloxone")))).isNotEmpty();
    }

    @Test
    void ansmMappingErrorsAreCorrected() {
        Map<String, String> m = ansm.rxcuiBySubstance();
        assertThat(m).containsEntry("lisinopril", "29046").containsEntry("mercaptopurine", "103")
                .containsEntry("codeine", "2670").containsEntry("amoxicilline", "723").doesNotContainKey("dabigatran");
        assertThat(m.values()).doesNotContain("1546022", "1546028", "1545976", "1297882");
        assertThat(ansm.corrections()).hasSizeGreaterThan(30);
    }

    @Test
    void ingredientsResolveFromEnglishAndFrenchNames() {
        assertThat(directory.resolve("rifampin")).contains("9384");
        assertThat(directory.resolve("acetaminophen")).contains("161");
        assertThat(directory.resolve("levorphanol")).as("MME file misspells it 'Loverphanol'").contains("6378");
        assertThat(directory.resolve("unobtainium")).isEmpty();
        assertThat(directory.entry("3423").orElseThrow().mmeFactor()).isEqualByComparingTo("5");
        assertThat(directory.entry("1819").orElseThrow().mmeFactor()).isNull();
    }

    @Test
    void unmappedIngredientsAndOddExamplesAreReportedNotHidden() {
        assertThat(catalogue.skipped()).anyMatch(s -> s.contains("2501-813-16")).anyMatch(s -> s.contains("carisoprodol"));
        assertThat(knowledge.skipped()).anyMatch(s -> s.contains("tranylcypromine"));
    }

    @Test
    void classEntriesExpandToIngredientPairs() {
        assertThat(knowledge.rules().size()).isGreaterThan(2500);
        assertThat(knowledge.pairs().size()).isGreaterThan(50_000);
        Map<String, Long> bySource = knowledge.rules().stream().collect(Collectors.groupingBy(InteractionBuilder.Rule::source, Collectors.counting()));
        assertThat(bySource).containsKeys(InteractionBuilder.ANSM, InteractionBuilder.ONC_HIGH, InteractionBuilder.ONC_NON_INTERRUPTIVE);

        InteractionIndex index = InteractionIndex.build(knowledge.rules(), knowledge.pairs(), id -> directory.entry(id).map(IngredientDirectory.Entry::name).orElse(id));
        var found = index.among(List.of("36567", "21212", "723"));
        assertThat(found).extracting(i -> i.severity()).startsWith(Severity.CONTRAINDICATED);
        assertThat(index.among(List.of("7052", "596"))).as("opioid + benzodiazepine").isNotEmpty();
        // "Sedatives + other sedatives" is a contra-indication only with sodium oxybate: for oxycodone + alprazolam
        // it must be flagged for review (major), not a hard stop.
        var sedatives = index.among(List.of("7804", "596"));
        assertThat(sedatives).isNotEmpty();
        assertThat(sedatives).extracting(i -> i.severity()).doesNotContain(Severity.CONTRAINDICATED).contains(Severity.MAJOR);
        assertThat(index.between(List.of("29046"), List.of("5640"))).as("ACE inhibitor + NSAID").extracting(i -> i.source())
                .contains(InteractionBuilder.ONC_NON_INTERRUPTIVE);
        assertThat(index.pairCount()).isGreaterThan(30_000);
    }
}
