package org.relief.careers.specialists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpiTest {

  @Test
  void acceptsTheCmsExampleWhoseCheckDigitCountsThe80840Prefix() {
    assertThat(Npi.valid("1234567893")).isTrue();
    assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
  }

  @Test
  void refusesAWrongCheckDigitATranspositionAndTheWrongShape() {
    assertThat(Npi.valid("1234567890")).isFalse();
    assertThat(Npi.valid("2134567893")).as("two digits swapped").isFalse();
    assertThat(Npi.valid("123456789")).isFalse();
    assertThat(Npi.valid("12345678930")).isFalse();
    assertThat(Npi.valid("12345678a3")).isFalse();
    assertThat(Npi.valid(null)).isFalse();
  }

  @Test
  void withoutThePrefixTheCheckDigitWouldDiffer() {
    // Plain Luhn over the nine digits gives 7 for 123456789; the NPI rule's prefix makes it 3.
    assertThat(Npi.checkDigit("123456789")).isNotEqualTo(7);
  }
}
