package com.ai2aim.rx.medications.internal.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped reference files under {@code classpath:reference/}, read as text, JSON or CSV/TSV rows. */
public final class ReferenceFiles {

    public static final List<String> ALL = List.of(
            "rxnorm/common_ingredient_rxcui.csv",
            "rxnorm/cdc-opioid-cds_opioid-analgesics-with-ambulatory-misuse-potential.json",
            "rxnorm/cdc-opioid-cds_benzodiazepine-medications.json",
            "rxnorm/cdc-opioid-cds_naloxone-medications.json",
            "rxnorm/cqf-opioid-mme_CDCMMEResearchConversionFactors_2016era.json",
            "rxnorm/fhir_r4_example_ndc_rxnorm.csv",
            "ddi/ansm_thesaurus_2020-10.json",
            "ddi/ansm_index_substances_2020-10.json",
            "ddi/ansm_substance_to_rxnorm.tsv",
            "ddi/ansm_rxnorm_corrections.tsv",
            "ddi/onc_high_priority_ddi_classes.csv",
            "ddi/onc_noninterruptive_ddi_classes.csv",
            "ddi/onc_class_members.csv");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferenceFiles() {}

    public static String text(String path) {
        try (InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream("reference/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String path) {
        return JSON.readTree(text(path));
    }

    /** Rows of a CSV (comma, double quotes) or TSV file as maps from header to value. */
    public static List<Map<String, String>> rows(String path) {
        char separator = path.endsWith(".tsv") ? '\t' : ',';
        List<String> lines = text(path).lines().filter(l -> !l.isBlank()).toList();
        List<String> header = split(lines.get(0), separator);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line, separator);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A checksum over every file, so Flyway notices if shipped reference data is edited after release. */
    public static int checksum() {
        CRC32 crc = new CRC32();
        ALL.forEach(p -> crc.update(text(p).getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && separator == ',') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
