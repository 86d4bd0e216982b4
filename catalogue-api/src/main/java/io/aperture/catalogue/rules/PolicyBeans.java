package io.aperture.catalogue.access;

import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.ReleaseLicence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Period;
import java.time.ZoneId;

/** The policy module's objects, configured from application.properties (aperture.embargo.*). */
@ApplicationScoped
public class PolicyBeans {

    @Produces
    @jakarta.inject.Singleton
    EmbargoRules embargoRules(@ConfigProperty(name = "aperture.embargo.period", defaultValue = "P3Y") Period period,
                              @ConfigProperty(name = "aperture.embargo.extension-step", defaultValue = "P12M") Period step,
                              @ConfigProperty(name = "aperture.embargo.extension-window", defaultValue = "P3M") Period window,
                              @ConfigProperty(name = "aperture.embargo.zone", defaultValue = "Europe/London") ZoneId zone,
                              @ConfigProperty(name = "aperture.embargo.licence", defaultValue = "CC-BY-4.0") String licence,
                              @ConfigProperty(name = "aperture.embargo.licence-url",
                                      defaultValue = "https://creativecommons.org/licenses/by/4.0/") URI licenceUrl,
                              @ConfigProperty(name = "aperture.embargo.auto-approve", defaultValue = "false") boolean autoApprove) {
        return new EmbargoRules(period, step, window, zone, new ReleaseLicence(licence, licenceUrl), autoApprove);
    }

    @Produces
    @jakarta.inject.Singleton
    AccessPolicy accessPolicy(EmbargoRules rules) {
        return new AccessPolicy(rules);
    }

    @Produces
    @jakarta.inject.Singleton
    io.aperture.policy.workflow.EmbargoWorkflow embargoWorkflow(EmbargoRules rules) {
        return new io.aperture.policy.workflow.EmbargoWorkflow(rules);
    }
}
