package org.relief.careers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relief.platform.RuleViolation;

class PlacesTest {

  private final Places places = new Places();

  @Test
  void findsACityWrittenWithItsStateInAnyCommonSpelling() {
    Place austin = places.find("Austin, TX");
    assertThat(austin.name()).isEqualTo("Austin, TX");
    assertThat(places.find("austin tx")).isEqualTo(austin);
    assertThat(places.find("  AUSTIN,TX ")).isEqualTo(austin);
    assertThat(places.find("St Louis, MO")).isEqualTo(places.find("Saint Louis MO"));
    assertThat(places.find("St. Paul, MN").name()).isEqualTo("Saint Paul, MN");
  }

  @Test
  void findsACityWithoutItsStateWhenOnlyOneStateHasIt() {
    assertThat(places.find("Albuquerque").name()).isEqualTo("Albuquerque, NM");
    assertThat(places.find("New York").name()).isEqualTo("New York, NY");
  }

  @Test
  void placesAZipCodeAtThePrincipalCityOfItsThreeDigitArea() {
    Place zip = places.find("78701");
    assertThat(zip.name()).isEqualTo("ZIP 787xx (Austin, TX)");
    assertThat(zip.latitude()).isEqualTo(places.find("Austin, TX").latitude());
    assertThat(places.find("78701-1234").longitude())
        .isEqualTo(places.find("Austin, TX").longitude());
  }

  @Test
  void refusesAnAmbiguousCityAndAsksForTheState() {
    assertThatThrownBy(() -> places.find("Springfield"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("IL, MA, MO")
        .hasMessageContaining("add the state");
  }

  @Test
  void refusesAPlaceOrZipTheTableDoesNotHoldWithoutGuessing() {
    assertThatThrownBy(() -> places.find("Atlantis"))
        .isInstanceOf(RuleViolation.class)
        .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("unknown-place"))
        .hasMessageContaining("Relief does not know where 'Atlantis' is");
    assertThatThrownBy(() -> places.find("Smallville, KS"))
        .hasMessageContaining("Relief does not know where");
    assertThatThrownBy(() -> places.find("59301"))
        .hasMessageContaining("ZIP 59301 is not in Relief's place table");
    assertThatThrownBy(() -> places.find("  ")).hasMessageContaining("Give a city and state");
    assertThatThrownBy(() -> places.find("Austin," + " ".repeat(200) + "TX"))
        .hasMessageContaining("at most 120 characters");
  }

  @Test
  void placesJobSitesByCityAndStateOnly() {
    assertThat(places.site("Round Rock", "TX")).isPresent();
    assertThat(places.site("Round Rock", "NM")).isEmpty();
    assertThat(places.site("Nowhere", "TX")).isEmpty();
  }

  @Test
  void hasAtLeastOneCityInEveryStateAndTerritoryOfTheBoard() {
    assertThat(places.states()).containsExactlyInAnyOrderElementsOf(UsStates.CODES);
  }
}
