package org.relief.careers.matching;

/**
 * The path to practising in one of a job's states: licence, then DEA and state controlled-substance
 * registration (DEA registration is per state and needs an active licence there, careers.md).
 */
public record StatePath(
    String state,
    LicencePath licence,
    String licenceDetail,
    boolean deaHeld,
    boolean stateRegistrationHeld,
    String deaDetail) {}
