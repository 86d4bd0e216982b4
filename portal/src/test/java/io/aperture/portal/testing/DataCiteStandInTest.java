package io.aperture.portal.testing;

import io.aperture.catalogue.doi.DoiJob;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The frame of a test against the DataCite stand-in: it starts from an outbox drained of earlier tests' calls and an
 * empty call log (so it sees only its own calls), and leaves the log empty for the next.
 */
public abstract class DataCiteStandInTest {
    protected final DataCiteStandIn datacite = DataCiteStandIn.get();

    @Inject
    protected DoiJob job;
    @Inject
    protected EntityManager em;

    @BeforeEach
    protected void drainEarlierWork() {
        job.runOnce();
        datacite.reset();
    }

    @AfterEach
    protected void resetStandIn() {
        datacite.reset();
    }
}
