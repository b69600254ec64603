package com.ai2aim.rx.documents.corpus;

import com.ai2aim.rx.documents.internal.read.*;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDumpTests {
    @Test
    void dump() {
        var ocr = new OcrEngine(Tessdata.locate(null, Path.of("target", "tessdata")), 1);
        var corpus = new CorpusGenerator(20260401L).generate(18);
        var reader = new DocumentReader(ocr, 10, 300);
        for (int i : new int[] {5, 17}) {
            var d = corpus.get(i);
            long t = System.nanoTime();
            var text = reader.read(FileType.sniff(d.content()).orElseThrow(), d.content());
            System.out.println("=== " + d.id() + " " + d.kind() + " " + (System.nanoTime() - t) / 1000000 + "ms conf " + text.readConfidence());
            System.out.println(text.text());
        }
    }
}
