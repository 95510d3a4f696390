package org.relief.identity;

import java.time.Duration;
import java.util.Set;
import org.relief.platform.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and API settings. The first administrator's password and the system API client come from
 * the environment ({@code RELIEF_ADMIN_PASSWORD}, {@code RELIEF_API_CLIENT_ID}, {@code
 * RELIEF_API_CLIENT_SECRET}); none is ever kept in the repository.
 */
@ConfigurationProperties("relief.identity")
public record IdentitySettings(
    String adminPassword,
    String apiClientId,
    String apiClientSecret,
    @DefaultValue Lockout lockout,
    @DefaultValue("15m") Duration tokenLifetime,
    String secretKey,
    @DefaultValue("30") int signInAttemptsPerMinute,
    Set<Role> requireTwoStepFor) {

  public IdentitySettings {
    requireTwoStepFor = requireTwoStepFor == null ? Set.of() : Set.copyOf(requireTwoStepFor);
  }

  /** After {@code maxFailedAttempts} wrong passwords in a row an account is locked for a while. */
  public record Lockout(
      @DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration duration) {}
}
