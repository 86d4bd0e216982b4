package io.aperture.catalogue.datacite;

import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.Visibility;

import java.util.Optional;

/** How much of a dataset a DataCite export may carry. */
public enum ExportDetail {
    /** Every property the catalogue can fill. */
    FULL,
    /**
     * The DOI landing set of EMBARGO-POLICY.md "What is visible": identifier, creators, title, publisher,
     * publication year, resource type, the Available date (embargo end) and the licence that will apply.
     */
    MINIMAL;

    /**
     * The detail a policy decision allows, or empty when the caller may see nothing (the export must then answer as
     * for an unknown identifier). A record that is not yet public but has a registered DOI is exported minimally even
     * to its own team: DataCite metadata is public by nature, so it must never say more than the DOI landing page.
     */
    public static Optional<ExportDetail> allowedBy(AccessDecision decision, Dataset d) {
        Visibility v = decision.visibility();
        if (v == Visibility.NONE) {
            return Optional.empty();
        }
        if (v == Visibility.DOI_LANDING || (d.accessState != AccessState.RELEASED && d.getHasRegisteredDoi())) {
            return Optional.of(MINIMAL);
        }
        return Optional.of(FULL);
    }
}
