package io.aperture.policy.access;

/** Roles a person holds on one proposal, from the user-office import. */
public enum ProposalRole {
    /** Principal Investigator: sees the data; the only proposal member who may extend the embargo. */
    PI,
    /** Nominated by the PI: may do everything the PI may, except extend the embargo. */
    ALTERNATE_CONTACT,
    /** Listed on the proposal or visit: sees the data. */
    TEAM_MEMBER
}
