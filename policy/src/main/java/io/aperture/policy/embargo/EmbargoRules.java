package io.aperture.policy.embargo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The facility's configurable embargo numbers. The behaviour around them is fixed by the policy.
 *
 * <p><b>Calendar rule.</b> All arithmetic happens on the local date-time in {@link #facilityZone()}, with
 * {@link java.time.ZonedDateTime#plus(java.time.temporal.TemporalAmount)} semantics, and is converted back to an
 * {@link Instant}:
 * <ul>
 *   <li>the local time of day is kept (an end computed across a clock change keeps its wall-clock time, so the
 *       elapsed duration is not a whole number of 24-hour days);</li>
 *   <li>a day that does not exist in the target month is clamped to the month's last day: 29 February 2024 + 3
 *       years = 28 February 2027;</li>
 *   <li>a local time inside a spring-forward gap moves forward by the gap (01:30 on the last Sunday of March in
 *       London becomes 02:30 BST);</li>
 *   <li>a local time inside an autumn overlap keeps the offset of the starting instant when that offset is still
 *       valid, otherwise the earlier offset.</li>
 * </ul>
 *
 * @param embargoPeriod          how long data stays embargoed after production (default 3 years)
 * @param extensionStep          how far one approved extension moves the current end (default 12 months)
 * @param extensionWindow        how long before the current end a request may be made (default 3 months)
 * @param facilityZone           the zone in which calendar arithmetic is done (default Europe/London)
 * @param releaseLicence         the licence applied on release (default CC-BY-4.0)
 * @param autoApproveExtensions  whether a valid request is approved without a staff decision (default false)
 */
public record EmbargoRules(
        Period embargoPeriod,
        Period extensionStep,
        Period extensionWindow,
        ZoneId facilityZone,
        ReleaseLicence releaseLicence,
        boolean autoApproveExtensions) {

    public EmbargoRules {
        requirePositive(embargoPeriod, "embargoPeriod");
        requirePositive(extensionStep, "extensionStep");
        requirePositive(extensionWindow, "extensionWindow");
        Objects.requireNonNull(facilityZone, "facilityZone");
        Objects.requireNonNull(releaseLicence, "releaseLicence");
    }

    /** The policy defaults: P3Y, P12M, P3M, Europe/London, CC-BY-4.0, no auto-approval. */
    public static EmbargoRules defaults() {
        return new EmbargoRules(Period.ofYears(3), Period.ofMonths(12), Period.ofMonths(3),
                ZoneId.of("Europe/London"), ReleaseLicence.CC_BY_4_0, false);
    }

    /** A copy with auto-approval switched on or off. */
    public EmbargoRules withAutoApproveExtensions(boolean autoApprove) {
        return new EmbargoRules(embargoPeriod, extensionStep, extensionWindow, facilityZone, releaseLicence, autoApprove);
    }

    /** The embargo end for data produced at {@code producedAt}: production + embargo period, in the facility zone. */
    public Instant embargoEnd(Instant producedAt) {
        return producedAt.atZone(facilityZone).plus(embargoPeriod).toInstant();
    }

    /** The end after one approved extension: the current end (not "now") + one extension step. */
    public Instant extendedEnd(Instant currentEnd) {
        return currentEnd.atZone(facilityZone).plus(extensionStep).toInstant();
    }

    /** The first instant at which an extension may be requested: current end − extension window. */
    public Instant extensionWindowOpens(Instant currentEnd) {
        return currentEnd.atZone(facilityZone).minus(extensionWindow).toInstant();
    }

    /** The calendar day of {@code instant} in the facility zone: the day people are told, in mails, pages and exports. */
    public LocalDate day(Instant instant) {
        return instant.atZone(facilityZone).toLocalDate();
    }

    private static void requirePositive(Period p, String name) {
        Objects.requireNonNull(p, name);
        if (p.isZero() || p.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + p);
        }
    }
}
