import com.ai2aim.rx.documents.corpus.CorpusGenerator;
import com.ai2aim.rx.documents.corpus.FieldAccuracy;
import com.ai2aim.rx.documents.corpus.SyntheticDocument;
import com.ai2aim.rx.documents.internal.extract.DeterministicExtractor;
import com.ai2aim.rx.documents.internal.extract.DocumentText;
import com.ai2aim.rx.documents.internal.read.DocumentReader;
import com.ai2aim.rx.documents.internal.read.FileType;
import com.ai2aim.rx.documents.internal.read.OcrEngine;
import com.ai2aim.rx.documents.internal.read.Tessdata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Field-level accuracy of the offline extractor and seconds per page on a seeded synthetic corpus, the code the
 * service runs (reader, OCR with deskew, deterministic extractor) without HTTP or the database.
 * Usage: DocumentsBench [documents] [dpi] [seed]
 */
public class DocumentsBench {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int dpi = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261204L;
        List<SyntheticDocument> corpus = new CorpusGenerator(seed).generate(count);
        try (OcrEngine ocr = new OcrEngine(Tessdata.locate(System.getenv("RX_TESSDATA_DIR"), Path.of("target", "tessdata")), 1)) {
            DocumentReader reader = new DocumentReader(() -> ocr, 10, dpi);
            DeterministicExtractor extractor = new DeterministicExtractor();
            // The first OCR loads the model: not part of any page's time.
            SyntheticDocument warm = new CorpusGenerator(1).generate("letter", SyntheticDocument.Kind.PNG, "warm-up");
            reader.read(FileType.sniff(warm.content()).orElseThrow(), warm.content());

            FieldAccuracy accuracy = new FieldAccuracy();
            Map<SyntheticDocument.Kind, List<Double>> seconds = new EnumMap<>(SyntheticDocument.Kind.class);
            List<Double> all = new ArrayList<>();
            for (SyntheticDocument doc : corpus) {
                long start = System.nanoTime();
                DocumentText text = reader.read(FileType.sniff(doc.content()).orElseThrow(), doc.content());
                var extraction = extractor.extract(text, null);
                double perPage = (System.nanoTime() - start) / 1e9 / text.pages();
                seconds.computeIfAbsent(doc.kind(), k -> new ArrayList<>()).add(perPage);
                all.add(perPage);
                accuracy.add(doc.id(), doc.truth(), extraction);
            }
            System.out.printf(Locale.ROOT, "documents %d, seed %d, OCR at %d dpi (scanned PDFs), one OCR thread%n%n", count, seed, dpi);
            System.out.print(accuracy.report());
            System.out.printf(Locale.ROOT, "%nseconds per page   %8s %8s %8s %4s%n", "p50", "p95", "max", "n");
            seconds.forEach((kind, s) -> row(kind.name(), s));
            row("all", all);
            if (!accuracy.misses().isEmpty()) {
                System.out.println("\nfields missed (document field): " + accuracy.misses().keySet());
            }
        }
    }

    static void row(String name, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-18s %8.2f %8.2f %8.2f %4d%n", name, pct(sorted, 50), pct(sorted, 95),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Nearest-rank percentile. */
    static double pct(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
