/**
 * Aperture's embargo engine: plain Java, no framework, no I/O.
 *
 * <ul>
 *   <li>{@link io.aperture.policy.embargo} — embargo dates and the persisted {@code EmbargoState};</li>
 *   <li>{@link io.aperture.policy.access} — who may see what ({@code AccessPolicy}, {@code AccessScope});</li>
 *   <li>{@link io.aperture.policy.workflow} — extension requests, decisions, releases, withdrawals;</li>
 *   <li>{@link io.aperture.policy.audit} — the facts every accepted operation emits for the audit log.</li>
 * </ul>
 *
 * Every operation takes the current instant as an argument; callers obtain it from an injected
 * {@link java.time.Clock} so the rules are testable to the second.
 */
package io.aperture.policy;
