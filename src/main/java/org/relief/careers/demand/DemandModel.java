package org.relief.careers.demand;

import java.util.ArrayList;
import java.util.List;

/**
 * The transparent stock-and-flow of careers.md ("Workforce and demand"), per state:
 *
 * <ul>
 *   <li>adults = residents x adult share; specialists today = adults / 100,000 x specialists per
 *       100,000 adults;
 *   <li>supply, each year: S(t+1) = S(t) x (1 − exit rate) + graduates x regional share x (1 −
 *       leakage), where the regional share is the state's share of the adults of all states shown;
 *   <li>demand in full-time specialists: adults x (1 + growth)^years x prevalence x share seen x
 *       visits per patient / visits per specialist;
 *   <li>gap = demand − supply at the horizon.
 * </ul>
 *
 * <p>The band is never one number (careers.md): its low end takes every banded parameter at its
 * value that lowers the gap, the high end at its value that raises it; the model is monotone in
 * each parameter, so these are the smallest and largest gaps the ranges allow. A pure function.
 */
public final class DemandModel {

  private DemandModel() {}

  enum Scenario {
    LOW_GAP,
    BASE,
    HIGH_GAP
  }

  public static List<StateDemand> compute(DemandParameters p, List<StatePopulation> states) {
    double adultShare = value(p, DemandParameter.ADULT_SHARE, Scenario.BASE);
    double allAdults = 0;
    for (StatePopulation s : states) {
      allAdults += s.millions() * 1_000_000 * adultShare;
    }
    List<StateDemand> out = new ArrayList<>();
    for (StatePopulation s : states) {
      double adults = s.millions() * 1_000_000 * adultShare;
      double share = allAdults == 0 ? 0 : adults / allAdults;
      double[] supply = new double[3];
      double[] demand = new double[3];
      for (Scenario sc : Scenario.values()) {
        supply[sc.ordinal()] = supply(p, sc, adults, share);
        demand[sc.ordinal()] = demand(p, sc, adults, years(p));
      }
      StateDemand.Band supplyBand =
          new StateDemand.Band(
              supply[Scenario.HIGH_GAP.ordinal()],
              supply[Scenario.BASE.ordinal()],
              supply[Scenario.LOW_GAP.ordinal()]);
      StateDemand.Band demandBand =
          new StateDemand.Band(
              demand[Scenario.LOW_GAP.ordinal()],
              demand[Scenario.BASE.ordinal()],
              demand[Scenario.HIGH_GAP.ordinal()]);
      StateDemand.Band gap =
          new StateDemand.Band(
              demand[Scenario.LOW_GAP.ordinal()] - supply[Scenario.LOW_GAP.ordinal()],
              demand[Scenario.BASE.ordinal()] - supply[Scenario.BASE.ordinal()],
              demand[Scenario.HIGH_GAP.ordinal()] - supply[Scenario.HIGH_GAP.ordinal()]);
      out.add(
          new StateDemand(
              s.state(),
              adults,
              today(p, Scenario.BASE, adults),
              demand(p, Scenario.BASE, adults, 0),
              supplyBand,
              demandBand,
              gap));
    }
    return List.copyOf(out);
  }

  /** The sum over states, as one row. */
  public static StateDemand total(List<StateDemand> rows) {
    double adults = 0;
    double supplyToday = 0;
    double demandToday = 0;
    double[] s = new double[3];
    double[] d = new double[3];
    double[] g = new double[3];
    for (StateDemand r : rows) {
      adults += r.adults();
      supplyToday += r.supplyToday();
      demandToday += r.demandToday();
      add(s, r.supply());
      add(d, r.demand());
      add(g, r.gap());
    }
    return new StateDemand(
        "All states shown",
        adults,
        supplyToday,
        demandToday,
        new StateDemand.Band(s[0], s[1], s[2]),
        new StateDemand.Band(d[0], d[1], d[2]),
        new StateDemand.Band(g[0], g[1], g[2]));
  }

  private static void add(double[] sum, StateDemand.Band b) {
    sum[0] += b.low();
    sum[1] += b.base();
    sum[2] += b.high();
  }

  private static double today(DemandParameters p, Scenario sc, double adults) {
    return adults / 100_000 * value(p, DemandParameter.SPECIALISTS_PER_100K, sc);
  }

  private static double supply(DemandParameters p, Scenario sc, double adults, double share) {
    double stock = today(p, sc, adults);
    double exit = value(p, DemandParameter.EXIT_RATE, sc);
    double inflow =
        value(p, DemandParameter.GRADUATES_PER_YEAR, sc)
            * share
            * (1 - value(p, DemandParameter.LEAKAGE, sc));
    for (int year = 0; year < years(p); year++) {
      stock = stock * (1 - exit) + inflow;
    }
    return stock;
  }

  private static double demand(DemandParameters p, Scenario sc, double adults, int years) {
    return adults
        * Math.pow(1 + value(p, DemandParameter.DEMAND_GROWTH, sc), years)
        * value(p, DemandParameter.PREVALENCE, sc)
        * value(p, DemandParameter.SEEN_SHARE, sc)
        * value(p, DemandParameter.VISITS_PER_PATIENT, sc)
        / value(p, DemandParameter.VISITS_PER_FTE, sc);
  }

  private static int years(DemandParameters p) {
    return (int) Math.round(p.get(DemandParameter.HORIZON_YEARS).base());
  }

  /** The parameter's value (a fraction for percentages) in a scenario. */
  static double value(DemandParameters p, DemandParameter param, Scenario sc) {
    Range r = p.get(param);
    double v;
    if (sc == Scenario.BASE || !param.banded()) {
      v = r.base();
    } else {
      boolean raises = param.effect() == DemandParameter.Effect.RAISES_GAP;
      v = (sc == Scenario.HIGH_GAP) == raises ? r.high() : r.low();
    }
    return param.asFraction(v);
  }
}
