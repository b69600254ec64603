package com.ai2aim.rx.documents.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.documents.internal.extract.DeterministicExtractor;
import com.ai2aim.rx.documents.internal.extract.Extraction;
import com.ai2aim.rx.documents.internal.read.DocumentReader;
import com.ai2aim.rx.documents.internal.read.FileType;
import com.ai2aim.rx.documents.internal.read.OcrEngine;
import com.ai2aim.rx.documents.internal.read.Tessdata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row of a lab table scanned a few degrees off comes out whole: test, value, unit and range on one row, for each
 * kind of scanned file. Tesseract reads a tilted row as pieces of its neighbours, so this guards the deskew.
 */
class ScannedLabTablesTests {

    static OcrEngine ocr;

    @BeforeAll
    static void startOcr() {
        ocr = new OcrEngine(Tessdata.locate(System.getenv("RX_TESSDATA_DIR"), Path.of("target", "tessdata")), 1);
    }

    @AfterAll
    static void stopOcr() {
        ocr.close();
    }

    @ParameterizedTest
    @EnumSource(value = SyntheticDocument.Kind.class, names = {"PDF_SCANNED", "PNG", "JPEG", "TIFF"})
    void readsEveryRowOfATiltedLabTable(SyntheticDocument.Kind kind) {
        DocumentReader reader = new DocumentReader(() -> ocr, 10, 200);
        for (long seed : new long[] {7_000 + kind.ordinal(), 31 + kind.ordinal()}) {
            SyntheticDocument doc = new CorpusGenerator(seed).generate("lab", kind, "rows-" + seed);
            Extraction got = new DeterministicExtractor().extract(reader.read(FileType.sniff(doc.content()).orElseThrow(), doc.content()), "lab_result");
            List<Extraction.LabResult> rows = got.labResults();
            long expected = doc.truth().keySet().stream().filter(k -> k.endsWith("].test")).count();
            assertThat(rows).as("seed %d", seed).hasSize((int) expected);
            for (int i = 0; i < expected; i++) {
                assertThat(rows.get(i).test()).as("seed %d row %d", seed, i).isEqualTo(doc.truth().get("labResults[" + i + "].test"));
                assertThat(rows.get(i).value()).as("seed %d row %d", seed, i).isEqualTo(doc.truth().get("labResults[" + i + "].value"));
            }
        }
    }
}
