package org.relief.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6
 * digits, the parameters every authenticator app uses by default. A code is accepted for the
 * current step and one step either side, to allow for clock drift and typing time.
 */
final class Totp {

  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;
  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  static byte[] newSecret(SecureRandom random) {
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    return secret;
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for a time step, with {@code digits} digits (RFC 4226 §5.3 dynamic truncation). */
  static String code(byte[] secret, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      String digitsText = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - digitsText.length()) + digitsText;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The step a code matches (current step or one either side), if any. Comparison does not stop at
   * the first differing digit.
   */
  static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
    if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long found = Long.MIN_VALUE;
    for (long s = current - 1; s <= current + 1; s++) {
      if (java.security.MessageDigest.isEqual(
          code(secret, s, DIGITS).getBytes(), code.getBytes())) {
        found = s;
      }
    }
    return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** Base32 without padding (RFC 4648), as authenticator apps take secrets. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}
