package io.aperture.policy.workflow;

/** A staff decision on a pending extension request. */
public enum Verdict { APPROVE, REJECT }
