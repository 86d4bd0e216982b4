package io.aperture.harvester.cli;

import io.aperture.harvester.ingest.Backoff;
import io.aperture.harvester.ingest.IngestClient;
import io.aperture.harvester.ingest.TokenSource;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.VisitPathPattern;
import io.aperture.record.Technique;
import io.aperture.harvester.scan.FileChecksums;
import io.aperture.harvester.scan.RecordSink;
import picocli.CommandLine.Option;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Extraction options shared by the file, scan and watch commands. */
public final class HarvestOptions {

    @Option(names = "--facility", defaultValue = "${env:APERTURE_FACILITY:-DLS}", description = "Facility code (default: ${DEFAULT-VALUE}).")
    String facility;

    @Option(names = "--zone", defaultValue = "Europe/London", description = "Zone for times without offset (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--path-pattern", description = "Path template giving beamline/visit, e.g. /dls/{beamline}/data/{year}/{visit}/ (repeatable).")
    List<String> pathPatterns;

    @Option(names = "--beamline-technique", description = "beamline=PaNET IRI[|label] rule (repeatable), e.g. i03=http://purl.org/pan-science/PaNET/PaNET01164|macromolecular crystallography")
    List<String> beamlineTechniques;

    @Option(names = "--checksum", paramLabel = "ALGORITHM",
            description = "Add each file's checksum to the record: sha256 (reads whole files, so off by default).")
    String checksum;

    /** The checksum step, null when none was asked for; an unknown algorithm is a usage error. */
    FileChecksums checksums() {
        if (checksum == null || checksum.isBlank() || checksum.equalsIgnoreCase("none")) {
            return null;
        }
        if (!checksum.equalsIgnoreCase("sha256")) {
            throw new IllegalArgumentException("--checksum supports sha256 (or none), got " + checksum);
        }
        return new FileChecksums();
    }

    HarvestConfig config() {
        HarvestConfig c = HarvestConfig.defaults().withFacility(facility).withZone(ZoneId.of(zone));
        if (pathPatterns != null && !pathPatterns.isEmpty()) {
            c = c.withPathPatterns(pathPatterns.stream().map(VisitPathPattern::new).toList());
        }
        if (beamlineTechniques != null) {
            Map<String, List<Technique>> rules = new HashMap<>();
            for (String rule : beamlineTechniques) {
                int eq = rule.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--beamline-technique needs beamline=IRI, got " + rule);
                }
                String[] iriLabel = rule.substring(eq + 1).split("\\|", 2);
                rules.computeIfAbsent(rule.substring(0, eq).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Technique(iriLabel[0], iriLabel.length > 1 ? iriLabel[1] : null));
            }
            c = c.withBeamlineTechniques(rules);
        }
        return c;
    }

    /** Where records go: the catalogue ingest API and the OIDC provider that issues the harvester's token. */
    public static final class Server {
        @Option(names = "--server", defaultValue = "${env:APERTURE_SERVER_URL}", description = "Catalogue base URL (env APERTURE_SERVER_URL).")
        String server;

        @Option(names = "--oidc-url", defaultValue = "${env:APERTURE_OIDC_URL:-http://127.0.0.1:8180/realms/aperture}",
                description = "OIDC realm URL (env APERTURE_OIDC_URL, default ${DEFAULT-VALUE}).")
        String oidcUrl;

        @Option(names = "--client-id", defaultValue = "aperture-harvester", description = "OAuth2 client id (default ${DEFAULT-VALUE}).")
        String clientId;

        @Option(names = "--client-secret", defaultValue = "${env:APERTURE_HARVESTER_SECRET}", description = "OAuth2 client secret (env APERTURE_HARVESTER_SECRET).")
        String clientSecret;

        /** What is missing to send anything, or null. */
        String problem() {
            if (server == null || server.isBlank()) {
                return "no server: give --server or APERTURE_SERVER_URL";
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                return "no client secret: give --client-secret or APERTURE_HARVESTER_SECRET";
            }
            return null;
        }

        RecordSink sink(Clock clock, Backoff backoff) {
            return client(clock, backoff);
        }

        IngestClient client(Clock clock, Backoff backoff) {
            return client(clock, backoff, clientId, clientSecret);
        }

        /** The same server as another client of the realm (the demo's user-office import). */
        IngestClient client(Clock clock, Backoff backoff, String id, String secret) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return new IngestClient(http, server, new TokenSource(http, oidcUrl, id, secret, clock), backoff);
        }
    }
}
