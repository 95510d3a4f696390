package org.relief.identity.internal;

import java.io.ByteArrayOutputStream;

/** What an authenticator app does with a setup key, for tests. */
final class AuthenticatorApp {

  private AuthenticatorApp() {}

  /** Decodes a base32 setup key (RFC 4648) into the secret. */
  static byte[] secretOf(String setupKey) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : setupKey.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
