package org.relief.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.OptionalLong;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Second factors: setting one up (a new secret, confirmed by a first code), checking a code at
 * sign-in (each code works once), and turning it off. Secrets are sealed at rest ({@link
 * SecretBox}).
 */
@Service
public class SecondFactors {

  static final String ENABLED = "SECOND_FACTOR_ENABLED";
  static final String DISABLED = "SECOND_FACTOR_DISABLED";

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final Clock clock;
  private final AuditTrail audit;
  private final PracticeSettings practice;
  private final SecureRandom random = new SecureRandom();

  SecondFactors(
      JdbcClient jdbc, SecretBox box, Clock clock, AuditTrail audit, PracticeSettings practice) {
    this.jdbc = jdbc;
    this.box = box;
    this.clock = clock;
    this.audit = audit;
    this.practice = practice;
  }

  /** A secret offered for setup, not yet confirmed. */
  public record Offer(byte[] secret, String base32, String otpauthUri) {}

  public boolean available() {
    return box.available();
  }

  public boolean enabledFor(long userId) {
    return jdbc.sql("SELECT count(*) FROM app_user_second_factor WHERE user_id = :id")
            .param("id", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  public Offer offer(String username) {
    if (!box.available()) {
      throw new RuleViolation(
          "second-factor-unavailable",
          "Two-step sign-in cannot be set up until the administrator sets RELIEF_SECRET_KEY.");
    }
    return reoffer(username, Totp.newSecret(random));
  }

  /** The same secret offered again (after a mistyped confirmation code). */
  public Offer reoffer(String username, byte[] secret) {
    String base32 = Totp.base32(secret);
    String issuer = URLEncoder.encode("Relief " + practice.name(), StandardCharsets.UTF_8);
    String label = issuer + ":" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    String uri =
        "otpauth://totp/"
            + label.replace("+", "%20")
            + "?secret="
            + base32
            + "&issuer="
            + issuer.replace("+", "%20")
            + "&algorithm=SHA1&digits=6&period=30";
    return new Offer(secret, base32, uri);
  }

  /** Turns the second factor on once the person shows a code from the offered secret. */
  @Transactional
  public void confirm(long userId, byte[] secret, String code) {
    OptionalLong step = Totp.matchingStep(secret, strip(code), clock.instant());
    if (step.isEmpty()) {
      throw new RuleViolation(
          "wrong-code",
          "That code does not match. Enter the 6-digit code your authenticator app shows now.");
    }
    jdbc.sql(
            """
            INSERT INTO app_user_second_factor (user_id, sealed_secret, enabled_at, last_used_step)
            VALUES (:id, :sealed, :now, :step)
            ON CONFLICT (user_id) DO UPDATE SET sealed_secret = EXCLUDED.sealed_secret,
                enabled_at = EXCLUDED.enabled_at, last_used_step = EXCLUDED.last_used_step
            """)
        .param("id", userId)
        .param("sealed", box.seal(secret))
        .param("now", Timestamp.from(clock.instant()))
        .param("step", step.getAsLong())
        .update();
    audit.recordAccess(ENABLED, "UserAccount", Long.toString(userId), Outcome.SUCCESS);
  }

  /**
   * Whether the code is right for this person now and has not been used before; a used code is
   * spent even if shown again within its 30 seconds.
   */
  @Transactional
  public boolean verify(long userId, String code) {
    var sealed =
        jdbc.sql("SELECT sealed_secret FROM app_user_second_factor WHERE user_id = :id")
            .param("id", userId)
            .query(String.class)
            .optional();
    if (sealed.isEmpty()) {
      return false;
    }
    OptionalLong step = Totp.matchingStep(box.open(sealed.get()), strip(code), clock.instant());
    if (step.isEmpty()) {
      return false;
    }
    return jdbc.sql(
                """
                UPDATE app_user_second_factor SET last_used_step = :step
                WHERE user_id = :id AND last_used_step < :step
                """)
            .param("step", step.getAsLong())
            .param("id", userId)
            .update()
        == 1;
  }

  /** Turns the second factor off (the person with a current code, or an administrator). */
  @Transactional
  public void disable(long userId) {
    jdbc.sql("DELETE FROM app_user_second_factor WHERE user_id = :id").param("id", userId).update();
    audit.recordAccess(DISABLED, "UserAccount", Long.toString(userId), Outcome.SUCCESS);
  }

  private static String strip(String code) {
    return code == null ? null : code.replaceAll("\\s", "");
  }
}
