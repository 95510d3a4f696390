package org.relief.careers.demand;

import java.util.List;

/**
 * A state's resident population, millions. The defaults are the 2020 Census counts rounded to 0.1 M
 * (not in careers.md; check before relying on them).
 */
public record StatePopulation(String state, double millions) {

  public static final String SOURCE =
      "US Census 2020 resident population, rounded to 0.1 M (not in careers.md; check locally).";

  public static final List<StatePopulation> CENSUS_2020 =
      List.of(
          new StatePopulation("AL", 5.0),
          new StatePopulation("AK", 0.7),
          new StatePopulation("AZ", 7.2),
          new StatePopulation("AR", 3.0),
          new StatePopulation("CA", 39.5),
          new StatePopulation("CO", 5.8),
          new StatePopulation("CT", 3.6),
          new StatePopulation("DE", 1.0),
          new StatePopulation("DC", 0.7),
          new StatePopulation("FL", 21.5),
          new StatePopulation("GA", 10.7),
          new StatePopulation("HI", 1.5),
          new StatePopulation("ID", 1.8),
          new StatePopulation("IL", 12.8),
          new StatePopulation("IN", 6.8),
          new StatePopulation("IA", 3.2),
          new StatePopulation("KS", 2.9),
          new StatePopulation("KY", 4.5),
          new StatePopulation("LA", 4.7),
          new StatePopulation("ME", 1.4),
          new StatePopulation("MD", 6.2),
          new StatePopulation("MA", 7.0),
          new StatePopulation("MI", 10.1),
          new StatePopulation("MN", 5.7),
          new StatePopulation("MS", 3.0),
          new StatePopulation("MO", 6.2),
          new StatePopulation("MT", 1.1),
          new StatePopulation("NE", 2.0),
          new StatePopulation("NV", 3.1),
          new StatePopulation("NH", 1.4),
          new StatePopulation("NJ", 9.3),
          new StatePopulation("NM", 2.1),
          new StatePopulation("NY", 20.2),
          new StatePopulation("NC", 10.4),
          new StatePopulation("ND", 0.8),
          new StatePopulation("OH", 11.8),
          new StatePopulation("OK", 4.0),
          new StatePopulation("OR", 4.2),
          new StatePopulation("PA", 13.0),
          new StatePopulation("RI", 1.1),
          new StatePopulation("SC", 5.1),
          new StatePopulation("SD", 0.9),
          new StatePopulation("TN", 6.9),
          new StatePopulation("TX", 29.1),
          new StatePopulation("UT", 3.3),
          new StatePopulation("VT", 0.6),
          new StatePopulation("VA", 8.6),
          new StatePopulation("WA", 7.7),
          new StatePopulation("WV", 1.8),
          new StatePopulation("WI", 5.9),
          new StatePopulation("WY", 0.6));
}
