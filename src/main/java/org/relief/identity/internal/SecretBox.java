package org.relief.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.relief.identity.IdentitySettings;
import org.relief.platform.database.DatabaseSettings;
import org.springframework.stereotype.Component;

/**
 * Encrypts second-factor secrets at rest (AES-256-GCM), so that a copy of the database alone does
 * not give anyone's codes away. The key comes from {@code RELIEF_SECRET_KEY} (32 bytes, base64);
 * with the embedded database and no key set, one is generated once and kept beside the data ({@code
 * secret.key}, mode 600). With an external database and no key, second factors cannot be set up,
 * and the page says why.
 */
@Component
class SecretBox {

  private static final int IV_BYTES = 12;
  private final Optional<SecretKeySpec> key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(IdentitySettings identity, DatabaseSettings database) {
    this.key = loadKey(identity, database);
  }

  boolean available() {
    return key.isPresent();
  }

  String seal(byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.orElseThrow(), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt a second-factor secret", e);
    }
  }

  byte[] open(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.orElseThrow(), new GCMParameterSpec(128, all, 0, IV_BYTES));
      return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A second-factor secret cannot be decrypted with this key", e);
    }
  }

  private static Optional<SecretKeySpec> loadKey(
      IdentitySettings identity, DatabaseSettings database) {
    String configured = identity.secretKey();
    if (configured != null && !configured.isBlank()) {
      byte[] bytes = Base64.getDecoder().decode(configured.strip());
      if (bytes.length != 32) {
        throw new IllegalStateException("RELIEF_SECRET_KEY must be 32 bytes, base64-encoded");
      }
      return Optional.of(new SecretKeySpec(bytes, "AES"));
    }
    if (database.external()) {
      return Optional.empty();
    }
    Path file = Path.of(database.embedded().directory()).resolve("secret.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Optional.of(
          new SecretKeySpec(Base64.getDecoder().decode(Files.readString(file).strip()), "AES"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    }
  }
}
