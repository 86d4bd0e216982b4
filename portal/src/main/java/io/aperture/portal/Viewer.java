package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.policy.access.AccessPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is looking, for the page frame ({@code {cdi:viewer.staff}}): the links a person is offered are the policy's. */
@Named("viewer")
@RequestScoped
public class Viewer {
    private final AccessControl access;
    private final AccessPolicy policy;

    Viewer(AccessControl access, AccessPolicy policy) {
        this.access = access;
        this.policy = policy;
    }

    /** Whether the staff pages are offered: only to those the policy lets manage embargoes. */
    public boolean isStaff() {
        return policy.mayManageEmbargoes(access.caller());
    }

    /** Whether the quality page is offered: only to those the policy lets review quality. */
    public boolean isQualityReviewer() {
        return access.mayReviewQuality();
    }
}
