package org.relief.careers.demand;

/**
 * One state's figures: adults, specialists today (base), and at the horizon the supply, the demand
 * in full-time specialists and the gap (demand − supply; positive is a shortage), each low, base
 * and high.
 */
public record StateDemand(
    String state,
    double adults,
    double supplyToday,
    double demandToday,
    Band supply,
    Band demand,
    Band gap) {

  /** A low, base and high figure. */
  public record Band(double low, double base, double high) {}
}
