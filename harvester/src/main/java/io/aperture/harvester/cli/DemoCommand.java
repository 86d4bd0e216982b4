package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.harvester.demo.SyntheticProposals;
import io.aperture.harvester.demo.SyntheticRecords;
import io.aperture.harvester.ingest.Backoff;
import io.aperture.harvester.ingest.IngestClient;
import io.aperture.harvester.scan.RecordSink;
import io.aperture.record.HarvestRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "demo", description = {
        "Loads a synthetic demonstration catalogue through the public APIs: proposals, visits and members through the",
        "user-office import (as the user office's own client), then records through the ingest API (as the harvester). Labelled synthetic (titles 'Synthetic: ...', paths",
        "/synthetic/...); the same seed and count always give the same catalogue, and loading it again changes nothing."})
public final class DemoCommand implements Callable<Integer> {
    /** Records per visit: small, so that a few thousand records span many proposals, years and beamlines. */
    static final int SCANS_PER_VISIT = 10;

    @Option(names = "--count", defaultValue = "3000", description = "Records to load (default ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic catalogue (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", defaultValue = "500", description = "Records per ingest request, 1-500 (default ${DEFAULT-VALUE}).")
    int batchSize;

    // the proposals' members go in as the user office's feed: the harvester may not name a proposal's PI
    @Option(names = "--user-office-client-id", defaultValue = "aperture-user-office",
            description = "OAuth2 client id of the user-office import (default ${DEFAULT-VALUE}).")
    String userOfficeClientId;

    @Option(names = "--user-office-secret", defaultValue = "${env:APERTURE_USER_OFFICE_SECRET}",
            description = "OAuth2 client secret of the user-office import (env APERTURE_USER_OFFICE_SECRET).")
    String userOfficeSecret;

    @Mixin
    HarvestOptions.Server serverOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Replaced by tests. */
    Clock clock = Clock.systemUTC();
    Backoff backoff = Backoff.standard();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = count < 0 || count > 10_000_000 ? "--count must be between 0 and 10000000"
                : batchSize < 1 || batchSize > 500 ? "--batch-size must be between 1 and 500"
                : userOfficeSecret == null || userOfficeSecret.isBlank()
                ? "no user-office secret: give --user-office-secret or APERTURE_USER_OFFICE_SECRET" : serverOptions.problem();
        if (usage != null) {
            err.println("harvest demo: " + usage);
            err.flush();
            return 2;
        }
        SyntheticRecords records = new SyntheticRecords(seed, SCANS_PER_VISIT, true);
        IngestClient client = serverOptions.client(clock, backoff);
        try {
            JsonNode imported = serverOptions.client(clock, backoff, userOfficeClientId, userOfficeSecret).importUserOffice(new SyntheticProposals(records).userOffice(count));
            Map<String, Integer> proposals = new TreeMap<>();
            for (JsonNode r : imported.path("results")) {
                proposals.merge(r.path("status").asText("?"), 1, Integer::sum);
                if (!r.path("status").asText().equals("IMPORTED")) {
                    err.println("harvest demo: proposal " + r.path("proposal").asText() + " refused: " + r.path("field").asText()
                            + " " + r.path("error").asText());
                }
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            for (long from = 0; from < count; from += batchSize) {
                List<HarvestRecord> batch = new ArrayList<>(batchSize);
                for (long i = from; i < Math.min(count, from + batchSize); i++) {
                    batch.add(records.record(i));
                }
                List<RecordSink.Result> results = client.send(batch);
                for (int k = 0; k < results.size(); k++) {
                    outcomes.merge(results.get(k).status(), 1, Integer::sum);
                    if (!results.get(k).accepted()) {
                        err.println("harvest demo: record " + (from + k) + " " + results.get(k).status() + ": " + results.get(k).error());
                    }
                }
            }
            out.println("demo: seed " + seed + ", proposals " + proposals + ", records " + outcomes);
            out.flush();
            err.flush();
            return proposals.keySet().stream().allMatch("IMPORTED"::equals)
                    && outcomes.getOrDefault("REJECTED", 0) == 0 && outcomes.getOrDefault("MISSING", 0) == 0 ? 0 : 1;
        } catch (RecordSink.SinkException e) {
            err.println("harvest demo: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
