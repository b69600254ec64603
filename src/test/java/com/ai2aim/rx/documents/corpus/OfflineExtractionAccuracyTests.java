package com.ai2aim.rx.documents.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.documents.internal.extract.DeterministicExtractor;
import com.ai2aim.rx.documents.internal.extract.DocumentText;
import com.ai2aim.rx.documents.internal.read.DocumentReader;
import com.ai2aim.rx.documents.internal.read.FileType;
import com.ai2aim.rx.documents.internal.read.OcrEngine;
import com.ai2aim.rx.documents.internal.read.Tessdata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline extractor's field-level accuracy on a seeded synthetic corpus that covers every document type and every
 * file kind (text PDFs, scanned PDFs, PNG, JPEG, TIFF with rotation and noise). Real OCR, no Spring. CI reads
 * {@value #DOCUMENTS} documents; bench/documents.sh runs the same code on a larger corpus.
 */
class OfflineExtractionAccuracyTests {

    static final int DOCUMENTS = 20;
    static OcrEngine ocr;

    @BeforeAll
    static void startOcr() {
        ocr = new OcrEngine(Tessdata.locate(System.getenv("RX_TESSDATA_DIR"), Path.of("target", "tessdata")), 2);
    }

    @AfterAll
    static void stopOcr() {
        ocr.close();
    }

    @Test
    void offlineExtractorGetsAtLeast95PercentOfFieldsRight() {
        List<SyntheticDocument> corpus = new CorpusGenerator(20260401L).generate(DOCUMENTS);
        FieldAccuracy accuracy = run(corpus, new DocumentReader(() -> ocr, 10, 200), null);
        System.out.println(accuracy.report());
        System.out.println(accuracy.misses());
        assertThat(accuracy.overall()).as(accuracy.report() + accuracy.misses()).isGreaterThanOrEqualTo(0.95);
    }

    static FieldAccuracy run(List<SyntheticDocument> corpus, DocumentReader reader, List<Long> pageMillis) {
        DeterministicExtractor extractor = new DeterministicExtractor();
        FieldAccuracy accuracy = new FieldAccuracy();
        for (SyntheticDocument doc : corpus) {
            long start = System.nanoTime();
            DocumentText text = reader.read(FileType.sniff(doc.content()).orElseThrow(), doc.content());
            var extraction = extractor.extract(text, null);
            if (pageMillis != null) {
                pageMillis.add((System.nanoTime() - start) / 1_000_000 / text.pages());
            }
            accuracy.add(doc.id(), doc.truth(), extraction);
        }
        return accuracy;
    }
}
