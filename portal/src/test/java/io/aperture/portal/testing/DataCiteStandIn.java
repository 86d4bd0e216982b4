package io.aperture.portal.testing;

import io.aperture.stack.datacite.LocalDataCite;

import java.util.HashMap;
import java.util.Map;

/**
 * The DataCite stand-in of this test JVM: the stack's {@link LocalDataCite} (WireMock; every call checked for its
 * JSON:API shape and its XML against the DataCite 4.6 XSD of {@code testdata/standards}) for the test repository,
 * started on first use on a free port. The same class runs beside {@code ./aperture start} for the demo.
 */
public final class DataCiteStandIn extends LocalDataCite {
    public static final String PREFIX = "10.80826";
    public static final String REPOSITORY = "TEST.APERTURE";
    public static final String PASSWORD = "stand-in-secret";
    private static DataCiteStandIn running;

    private DataCiteStandIn() {
        super(0, DataCiteSchema.kernelDir(), new Account(PREFIX, REPOSITORY, PASSWORD));
    }

    /** The stand-in of this test JVM, started on first use. */
    /**
     * A test profile's settings for DOIs on against this stand-in (its account and prefix), with {@code extra} settings
     * of the profile's own.
     */
    public static Map<String, String> doiSettings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "aperture.doi.enabled", "true",
                "aperture.doi.api-url", get().baseUrl(),
                "aperture.doi.prefix", PREFIX,
                "aperture.doi.repository-id", REPOSITORY,
                "aperture.doi.password", PASSWORD));
        settings.putAll(extra);
        return Map.copyOf(settings);
    }

    public static synchronized DataCiteStandIn get() {
        if (running == null) {
            running = new DataCiteStandIn();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }
}
