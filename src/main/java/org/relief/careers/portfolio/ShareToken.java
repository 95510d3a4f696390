package org.relief.careers.portfolio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a portfolio share link: 256 random bits, base64url without padding. Only its
 * SHA-256 digest is stored, so a copy of the database opens no portfolio.
 */
final class ShareToken {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final byte[] NO_TOKEN = new byte[32];

  private ShareToken() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The digest to look a token up by; a malformed token gets one no link has. */
  static byte[] digest(String token) {
    boolean wellFormed = token != null && SHAPE.matcher(token).matches();
    byte[] digest = sha256(wellFormed ? token : "-");
    return wellFormed ? digest : NO_TOKEN;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
