import com.ai2aim.rx.medications.internal.InteractionIndex;
import com.ai2aim.rx.medications.internal.reference.IngredientDirectory;
import com.ai2aim.rx.medications.internal.reference.IngredientSources;
import com.ai2aim.rx.medications.internal.reference.InteractionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cost of InteractionChecker lookups, without JMH (not available offline here): builds the same in-memory index the
 * service builds at start-up from the shipped reference files, warms up, then times among() over lists of 2 and 10
 * ingredients drawn from the knowledge base. Run with bench/medications/run.sh. Not a test: it asserts nothing.
 */
public class InteractionCheckerBench {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        var ansm = IngredientSources.ansm();
        IngredientDirectory directory = IngredientSources.directory(ansm);
        var kb = new InteractionBuilder(directory, ansm).build();
        InteractionIndex index = InteractionIndex.build(kb.rules(), kb.pairs(), id -> id);
        System.out.printf("built index: %d rules, %d pairs, %d distinct ingredient pairs in %d ms%n",
                kb.rules().size(), kb.pairs().size(), index.pairCount(), (System.nanoTime() - t0) / 1_000_000);
        List<String> ids = new ArrayList<>(kb.sides().values().stream().flatMap(java.util.Set::stream).distinct().toList());
        Random random = new Random(42);
        for (int size : new int[] {2, 10}) {
            List<List<String>> lists = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                List<String> l = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    l.add(ids.get(random.nextInt(ids.size())));
                }
                lists.add(l);
            }
            long sink = 0;
            for (int round = 0; round < 20; round++) {          // warm-up
                for (List<String> l : lists) {
                    sink += index.among(l).size();
                }
            }
            int rounds = 50;
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (List<String> l : lists) {
                    sink += index.among(l).size();
                }
            }
            long elapsed = System.nanoTime() - start;
            long calls = (long) rounds * lists.size();
            long pairs = calls * size * (size - 1) / 2;
            System.out.printf("among(%d ingredients): %.0f ns per call, %.0f ns per pair (sink %d)%n",
                    size, (double) elapsed / calls, (double) elapsed / pairs, sink);
        }
    }
}
