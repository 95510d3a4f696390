package org.relief.careers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relief.platform.RuleViolation;

class JobSearchFormTest {

  private final Places places = new Places();

  private static JobSearchForm form(String near, String miles, String call, String minBase) {
    return new JobSearchForm(null, null, null, minBase, null, null, near, miles, call, null);
  }

  private static String code(Throwable e) {
    return ((RuleViolation) e).code();
  }

  @Test
  void readsAPlaceWithARadiusAndDefaultsTheRadiusTo100Miles() {
    JobSearch search = form("Austin, TX", "25", null, null).search(places);
    assertThat(search.near().name()).isEqualTo("Austin, TX");
    assertThat(search.withinMiles()).isEqualTo(25);
    assertThat(form("78701", "", null, null).search(places).withinMiles())
        .isEqualTo(JobSearchForm.DEFAULT_MILES);
  }

  @Test
  void refusesANegativeZeroOrHugeDistance() {
    assertThatThrownBy(() -> form("Austin, TX", "-5", null, null).search(places))
        .satisfies(e -> assertThat(code(e)).isEqualTo("out-of-range"))
        .hasMessageContaining("The distance must be between 1 and 3000");
    assertThatThrownBy(() -> form("Austin, TX", "0", null, null).search(places))
        .hasMessageContaining("between 1 and 3000");
    assertThatThrownBy(() -> form("Austin, TX", "99999", null, null).search(places))
        .hasMessageContaining("between 1 and 3000");
  }

  @Test
  void refusesNumbersThatAreNotNumbersWithTheFieldNamed() {
    assertThatThrownBy(() -> form("Austin, TX", "far", null, null).search(places))
        .satisfies(e -> assertThat(code(e)).isEqualTo("invalid-number"))
        .hasMessageContaining("The distance must be a whole number");
    assertThatThrownBy(() -> form(null, null, "often", null).search(places))
        .hasMessageContaining("The call limit must be a whole number");
    assertThatThrownBy(() -> form(null, null, null, "lots").search(places))
        .hasMessageContaining("The lowest base must be a whole number");
    assertThatThrownBy(() -> form(null, null, "0", null).search(places))
        .hasMessageContaining("The call limit must be between 1 and 30");
  }

  @Test
  void refusesADistanceWithoutAPlace() {
    assertThatThrownBy(() -> form(null, "50", null, null).search(places))
        .satisfies(e -> assertThat(code(e)).isEqualTo("missing-place"))
        .hasMessageContaining("Give the place to measure the distance from");
  }

  @Test
  void refusesAnUnknownStateOrChoiceInsteadOfIgnoringIt() {
    assertThatThrownBy(
            () ->
                new JobSearchForm("Texas", null, null, null, null, null, null, null, null, null)
                    .search(places))
        .hasMessageContaining("'Texas' is not a two-letter US state code");
    assertThatThrownBy(
            () ->
                new JobSearchForm(null, "SPA", null, null, null, null, null, null, null, null)
                    .search(places))
        .hasMessageContaining("Choose the practice setting from the list");
  }

  @Test
  void sortsByDistanceOnlyWhenThereIsAPlace() {
    JobSearchForm nearest =
        new JobSearchForm(null, null, null, null, null, "NEAREST", null, null, null, null);
    assertThat(nearest.search(places).sort()).isEqualTo(JobSearch.Sort.NEWEST);
    JobSearchForm withPlace =
        new JobSearchForm(null, null, null, null, null, "nearest", "Tucson", "30", null, null);
    assertThat(withPlace.search(places).sort()).isEqualTo(JobSearch.Sort.NEAREST);
    assertThat(form("Tucson", "30", null, null).search(places).sort())
        .as("nearest first is the default with a place")
        .isEqualTo(JobSearch.Sort.NEAREST);
    JobSearchForm newest =
        new JobSearchForm(null, null, null, null, null, "NEWEST", "Tucson", "30", null, null);
    assertThat(newest.search(places).sort()).isEqualTo(JobSearch.Sort.NEWEST);
  }

  @Test
  void linksBackToTheBoardWithWhatWasTypedAndDescribesTheSearchInWords() {
    JobSearchForm form =
        new JobSearchForm(
            "TX",
            "ASC",
            "SPINAL_CORD_STIMULATION",
            "400000",
            "true",
            null,
            "Austin, TX",
            "50",
            "7",
            "true");
    assertThat(form.boardLink())
        .isEqualTo(
            "/jobs?state=TX&setting=ASC&procedure=SPINAL_CORD_STIMULATION&minBase=400000"
                + "&visa=true&telemedicine=true&call=7&near=Austin,%20TX&miles=50");
    assertThat(JobSearchForm.describe(form.search(places), form.near()))
        .isEqualTo(
            "Within 50 miles of Austin, TX · in TX · Ambulatory surgery center · requires Spinal cord stimulation ·"
                + " base at least $400,000 · call at most 1 in 7 nights · visa sponsorship ·"
                + " telemedicine");
  }
}
