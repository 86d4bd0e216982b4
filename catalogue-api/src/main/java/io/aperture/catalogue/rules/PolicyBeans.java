package io.aperture.catalogue.rules;

import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.ReleaseLicence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.aperture.policy.workflow.EmbargoWorkflow;
import jakarta.inject.Singleton;

/** The policy module's objects, configured by {@link EmbargoConfig}. */
@ApplicationScoped
public class PolicyBeans {

    @Produces
    @Singleton
    EmbargoRules embargoRules(EmbargoConfig c) {
        return new EmbargoRules(c.period(), c.extensionStep(), c.extensionWindow(), c.zone(),
                new ReleaseLicence(c.licence(), c.licenceUrl()), c.autoApprove());
    }

    @Produces
    @Singleton
    AccessPolicy accessPolicy(EmbargoRules rules) {
        return new AccessPolicy(rules);
    }

    @Produces
    @Singleton
    EmbargoWorkflow embargoWorkflow(EmbargoRules rules) {
        return new EmbargoWorkflow(rules);
    }
}
