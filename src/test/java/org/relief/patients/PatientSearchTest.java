package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.relief.patients.PatientSearch.Kind;

class PatientSearchTest {

  @Test
  void isoAndUsDatesAreBirthDates() {
    assertThat(PatientSearch.of("1961-04-23").birthDate()).isEqualTo(LocalDate.of(1961, 4, 23));
    assertThat(PatientSearch.of("4/23/1961").birthDate()).isEqualTo(LocalDate.of(1961, 4, 23));
  }

  @Test
  void impossibleDatesAreNotBirthDates() {
    assertThat(PatientSearch.of("1961-02-30").kind()).isNotEqualTo(Kind.BIRTH_DATE);
  }

  @Test
  void tokensWithADigitAreMrns() {
    assertThat(PatientSearch.of("syn-000123"))
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(Kind.MRN);
              assertThat(s.mrn()).isEqualTo("SYN-000123");
            });
    assertThat(PatientSearch.of("100234").kind()).isEqualTo(Kind.MRN);
  }

  @Test
  void wordsAreNamePartsInAnyOrderWithCommas() {
    var search = PatientSearch.of("  Garcia,  MAR ");
    assertThat(search.kind()).isEqualTo(Kind.NAME);
    assertThat(search.nameParts()).containsExactly("garcia", "mar");
  }

  @Test
  void blankIsEmpty() {
    assertThat(PatientSearch.of("   ").kind()).isEqualTo(Kind.EMPTY);
    assertThat(PatientSearch.of(null).kind()).isEqualTo(Kind.EMPTY);
  }
}
