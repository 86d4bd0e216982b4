package io.aperture.portal;

import io.aperture.policy.embargo.EmbargoRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Dates as people at the facility read them, for templates ({@code {cdi:days.of(instant)}}): the policy's calendar day
 * in the facility zone, not the UTC date an instant's text starts with (an embargo ending at 00:30 BST ends on that
 * day, not the day before).
 */
@Named("days")
@ApplicationScoped
public class FacilityDays {
    private final EmbargoRules rules;

    FacilityDays(EmbargoRules rules) {
        this.rules = rules;
    }

    /** The facility's calendar day of {@code instant}; null stays null. */
    public LocalDate of(Instant instant) {
        return instant == null ? null : rules.day(instant);
    }
}
