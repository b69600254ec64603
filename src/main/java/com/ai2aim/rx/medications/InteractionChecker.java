package com.ai2aim.rx.medications;

import com.ai2aim.rx.medications.internal.InteractionIndex;
import com.ai2aim.rx.medications.internal.InteractionKnowledgeBase;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which drug–drug interactions hold among ingredients, by RxCUI. Answers from an in-memory index of the expanded
 * knowledge base (ANSM thesaurus, ONC high-priority and non-interruptive lists), built once at start-up: a lookup
 * is a hash probe per pair, well under a microsecond (see {@code bench/README.md}). Works inside any transaction
 * and touches no database after loading. Unknown or non-numeric RxCUIs simply match nothing.
 */
@Component
public class InteractionChecker {

    private final InteractionKnowledgeBase knowledgeBase;
    private volatile InteractionIndex index;

    InteractionChecker(InteractionKnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** Every interaction between any two of the given ingredients, most severe first. */
    public List<Interaction> among(Collection<String> ingredientRxcuis) {
        return index().among(ingredientRxcuis);
    }

    /**
     * Every interaction between a candidate ingredient and one of the others (e.g. a new prescription against the
     * patient's active medications), oriented with the candidate first, most severe first.
     */
    public List<Interaction> between(Collection<String> candidateIngredientRxcuis, Collection<String> otherIngredientRxcuis) {
        return index().between(candidateIngredientRxcuis, otherIngredientRxcuis);
    }

    /** How many ingredient pairs the knowledge base knows (loads it if it is not loaded yet). */
    public int pairCount() {
        return index().pairCount();
    }

    @EventListener(ApplicationStartedEvent.class)
    void warmUp() {
        index();
    }

    private InteractionIndex index() {
        InteractionIndex current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    current = knowledgeBase.load();
                    index = current;
                }
            }
        }
        return current;
    }
}
