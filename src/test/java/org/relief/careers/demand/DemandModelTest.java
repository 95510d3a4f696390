package org.relief.careers.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.platform.RuleViolation;

class DemandModelTest {

  private static final List<StatePopulation> TWO =
      List.of(new StatePopulation("AA", 3.0), new StatePopulation("BB", 1.0));

  /** Every parameter set by hand, so the expected figures below can be worked out on paper. */
  private static Map<String, String> form() {
    Map<String, String> f = new HashMap<>();
    f.put("horizon-years.base", "2");
    f.put("adult-share.base", "80");
    band(f, "specialists-per-100k", "2", "2.5", "3");
    band(f, "graduates-per-year", "300", "330", "360");
    band(f, "leakage", "5", "10", "15");
    band(f, "exit-rate", "2", "3", "4");
    band(f, "prevalence", "20.9", "20.9", "20.9");
    band(f, "seen-share", "3", "5", "7");
    band(f, "visits-per-patient", "3", "4", "6");
    band(f, "visits-per-fte", "2500", "3000", "3500");
    band(f, "demand-growth", "0.5", "1", "2");
    return f;
  }

  private static void band(
      Map<String, String> f, String key, String low, String base, String high) {
    f.put(key + ".low", low);
    f.put(key + ".base", base);
    f.put(key + ".high", high);
  }

  @Test
  void supplyGrowsByGraduatesTimesRegionalShareAndShrinksByExitsYearByYear() {
    StateDemand a = DemandModel.compute(DemandParameters.from(form()), TWO).get(0);
    // 3.0 M x 80 % = 2,400,000 adults; share of graduates 2.4 / 3.2 = 0.75.
    assertThat(a.adults()).isCloseTo(2_400_000, within(1e-6));
    // Today: 24 x 2.5 = 60. Inflow 330 x 0.75 x 0.90 = 222.75 a year.
    assertThat(a.supplyToday()).isCloseTo(60, within(1e-9));
    // Year 1: 60 x 0.97 + 222.75 = 280.95; year 2: 280.95 x 0.97 + 222.75 = 495.2715.
    assertThat(a.supply().base()).isCloseTo(495.2715, within(1e-9));
    // Most supply (3.0 per 100k, 360 graduates, 5 % leakage, 2 % exits): 72 -> 327.06 -> 577.0188.
    assertThat(a.supply().high()).isCloseTo(577.0188, within(1e-9));
    // Least supply (2.0, 300, 15 %, 4 %): inflow 191.25; 48 -> 237.33 -> 419.0868.
    assertThat(a.supply().low()).isCloseTo(419.0868, within(1e-9));
  }

  @Test
  void demandIsAdultsTimesPrevalenceTimesShareSeenTimesVisitsOverVisitsPerSpecialist() {
    StateDemand a = DemandModel.compute(DemandParameters.from(form()), TWO).get(0);
    // 2,400,000 x 1.01^2 x 0.209 x 0.05 x 4 / 3000 = 34.112144.
    assertThat(a.demand().base()).isCloseTo(34.112144, within(1e-6));
    // Least demand: 2,400,000 x 1.005^2 x 0.209 x 0.03 x 3 / 3500 = 13.02759103.
    assertThat(a.demand().low()).isCloseTo(13.02759103, within(1e-6));
    // Most demand: 2,400,000 x 1.02^2 x 0.209 x 0.07 x 6 / 2500 = 87.7397...
    assertThat(a.demand().high())
        .isCloseTo(2_400_000 * 1.0404 * 0.209 * 0.07 * 6 / 2500, within(1e-9));
    assertThat(a.demandToday()).isCloseTo(2_400_000 * 0.209 * 0.05 * 4 / 3000, within(1e-9));
  }

  @Test
  void theGapIsABandFromTheLeastToTheMostDemandLessSupply() {
    StateDemand a = DemandModel.compute(DemandParameters.from(form()), TWO).get(0);
    assertThat(a.gap().base()).isCloseTo(34.112144 - 495.2715, within(1e-6));
    assertThat(a.gap().low()).isCloseTo(13.02759103 - 577.0188, within(1e-6));
    assertThat(a.gap().high())
        .isCloseTo(2_400_000 * 1.0404 * 0.209 * 0.07 * 6 / 2500 - 419.0868, within(1e-6));
    assertThat(a.gap().low()).isLessThan(a.gap().base());
    assertThat(a.gap().base()).isLessThan(a.gap().high());
  }

  @Test
  void theSmallerStateGetsItsShareOfGraduatesAndTheTotalAddsTheStatesUp() {
    List<StateDemand> rows = DemandModel.compute(DemandParameters.from(form()), TWO);
    StateDemand b = rows.get(1);
    // 800,000 adults, share 0.25: today 20; inflow 330 x 0.25 x 0.9 = 74.25;
    // 20 x 0.97 + 74.25 = 93.65; 93.65 x 0.97 + 74.25 = 165.0905.
    assertThat(b.supply().base()).isCloseTo(165.0905, within(1e-9));
    StateDemand total = DemandModel.total(rows);
    assertThat(total.supply().base()).isCloseTo(495.2715 + 165.0905, within(1e-9));
    assertThat(total.adults()).isCloseTo(3_200_000, within(1e-6));
  }

  @Test
  void aHorizonOfZeroYearsIsRefused() {
    Map<String, String> f = form();
    f.put("horizon-years.base", "0");
    assertThatThrownBy(() -> DemandParameters.from(f))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("Years ahead (base) must be between 1 and 30.");
  }

  @Test
  void theDefaultsComeFromTheParameterTableAndLeaveOutNothing() {
    DemandParameters d = DemandParameters.defaults();
    assertThat(d.get(DemandParameter.GRADUATES_PER_YEAR)).isEqualTo(new Range(300, 330, 360));
    assertThat(d.get(DemandParameter.PREVALENCE).base()).isEqualTo(20.9);
    assertThat(d.get(DemandParameter.LEAKAGE).base()).isEqualTo(10);
    assertThat(d.get(DemandParameter.SEEN_SHARE).base()).isEqualTo(5);
    assertThat(DemandParameters.from(Map.of())).isEqualTo(d);
    assertThat(DemandParameters.from(d.asForm())).isEqualTo(d);
    List<StateDemand> all = DemandModel.compute(d, StatePopulation.CENSUS_2020);
    assertThat(all).hasSize(51);
    assertThat(DemandModel.total(all).adults()).isCloseTo(331.4e6 * 0.779, within(1e6));
  }

  @Test
  void badParametersAreRefusedWithTheFieldNamed() {
    assertRefused("leakage.low", "-1", "Graduates lost to pain practice (low) cannot be negative.");
    assertRefused(
        "graduates-per-year.base",
        "many",
        "New pain fellowship graduates a year (US) (base): 'many' is not a number.");
    assertRefused(
        "prevalence.high", "120", "Adults with chronic pain (high) must be between 0 and 100 %.");
    assertRefused(
        "visits-per-fte.low",
        "0",
        "Visits and procedures one full-time specialist provides a year (low) must be between 1 and 100000.");
    assertRefused("horizon-years.base", "2.5", "Years ahead: give a whole number of years.");
    Map<String, String> f = form();
    f.put("seen-share.low", "9");
    assertThatThrownBy(() -> DemandParameters.from(f))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(
            "Of them, seen by a pain specialist in a year: the low value (9) must not be above the"
                + " base (5) and the base not above the high (7).");
  }

  private static void assertRefused(String field, String value, String message) {
    Map<String, String> f = form();
    f.put(field, value);
    assertThatThrownBy(() -> DemandParameters.from(f))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(message);
  }
}
