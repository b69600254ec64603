package com.ai2aim.rx.documents.internal;

import com.ai2aim.rx.documents.internal.extract.DeterministicExtractor;
import com.ai2aim.rx.documents.internal.read.DocumentReader;
import com.ai2aim.rx.documents.internal.read.OcrEngine;
import com.ai2aim.rx.documents.internal.read.Tessdata;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The OCR pool and the reader. The model is located lazily, on the first upload, so start-up never waits for it. */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    OcrEngine ocrEngine(@Value("${rx.documents.tessdata-dir:}") String tessdataDir,
                        @Value("${rx.documents.tessdata-cache:./.rx-data/tessdata}") String cacheDir,
                        @Value("${rx.documents.ocr-threads:2}") int threads) {
        return new OcrEngine(Tessdata.locate(tessdataDir, Path.of(cacheDir)), threads);
    }

    @Bean
    DocumentReader documentReader(ObjectProvider<OcrEngine> ocr, @Value("${rx.documents.max-pages:10}") int maxPages,
                                  @Value("${rx.documents.ocr-dpi:200}") int dpi) {
        return new DocumentReader(ocr::getObject, maxPages, dpi);
    }

    @Bean
    DeterministicExtractor deterministicExtractor() {
        return new DeterministicExtractor();
    }
}
