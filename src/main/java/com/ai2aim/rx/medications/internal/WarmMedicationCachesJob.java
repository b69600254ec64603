package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.jobs.JobOutcome;
import com.ai2aim.rx.jobs.JobRun;
import com.ai2aim.rx.jobs.RxJob;
import com.ai2aim.rx.medications.CatalogueStatistics;
import com.ai2aim.rx.medications.Medications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * cache-warming: runs the common medication searches ({@code rx.jobs.cache-warming.terms}) through the same search the
 * API uses, so PostgreSQL holds the name and trigram index pages they touch, makes sure the interaction knowledge base
 * is loaded, and refreshes the catalogue's dashboard counts ({@link CatalogueStatisticsCache}). It changes no data,
 * so a dry run only says what it would warm. The in-memory parts warm the copy of the service that ran it.
 */
@Component
class WarmMedicationCachesJob implements RxJob {

    private final Medications medications;
    private final CatalogueStatisticsCache statistics;
    private final List<String> terms;

    WarmMedicationCachesJob(Medications medications, CatalogueStatisticsCache statistics,
                            @Value("${rx.jobs.cache-warming.terms:atorvastatin,lisinopril,levothyroxine,metformin,amlodipine,"
                                    + "metoprolol,omeprazole,simvastatin,losartan,albuterol,gabapentin,hydrochlorothiazide,"
                                    + "sertraline,amoxicillin,oxycodone,hydrocodone,alprazolam,prednisone,insulin,warfarin}")
                            List<String> terms) {
        this.medications = medications;
        this.statistics = statistics;
        this.terms = List.copyOf(terms);
    }

    @Override
    public String name() {
        return "cache-warming";
    }

    @Override
    public String defaultSchedule() {
        return "0 */6 * * *";
    }

    @Override
    public String description() {
        return "Pre-loads common medication searches and refreshes the catalogue's dashboard statistics.";
    }

    @Override
    public JobOutcome run(JobRun run) {
        if (run.dryRun()) {
            return new JobOutcome(terms.size(), Map.of("wouldWarmSearches", terms.size(), "wouldRefreshStatistics", true));
        }
        long found = 0;
        for (String term : terms) {
            found += medications.search(term, 20).size();
        }
        CatalogueStatistics counts = statistics.refresh();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("searches", terms.size());
        details.put("productsFound", found);
        details.put("referenceProducts", counts.referenceProducts());
        details.put("localProducts", counts.localProducts());
        details.put("interactionPairs", counts.interactionPairs());
        return new JobOutcome(terms.size(), details);
    }
}
