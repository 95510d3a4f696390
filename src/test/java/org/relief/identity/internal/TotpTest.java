package org.relief.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  /** The SHA-1 seed of RFC 6238 Appendix B. */
  private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T={0} gives {1}")
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void reproducesTheRfc6238TestVectors(long seconds, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(Totp.code(SEED, step, 8)).isEqualTo(expected);
    assertThat(Totp.code(SEED, step, 6)).isEqualTo(expected.substring(2));
  }

  @Test
  void acceptsTheCurrentAndNeighbouringStepsOnly() {
    Instant now = Instant.ofEpochSecond(1_111_111_111L);
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step, 6), now)).hasValue(step);
    assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step - 1, 6), now)).hasValue(step - 1);
    assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step + 1, 6), now)).hasValue(step + 1);
    assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step - 2, 6), now)).isEmpty();
    assertThat(Totp.matchingStep(SEED, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(SEED, "abcdef", now)).isEmpty();
    assertThat(Totp.matchingStep(SEED, null, now)).isEmpty();
  }

  @Test
  void encodesBase32AsRfc4648() {
    assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(Totp.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
  }
}
