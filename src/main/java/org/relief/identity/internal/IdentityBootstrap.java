package org.relief.identity.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.relief.identity.IdentitySettings;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccounts;
import org.relief.identity.api.ApiClients;
import org.relief.platform.Role;
import org.relief.platform.SmartScopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: on an empty database, creates the first administrator (password from {@code
 * RELIEF_ADMIN_PASSWORD}, or generated and printed once to the console, never to the log file) and
 * announces {@link PracticeInstalled}; registers the system API client given by the environment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class IdentityBootstrap implements ApplicationRunner {

  static final String ADMIN_USERNAME = "admin";
  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final UserAccounts accounts;
  private final ApiClients clients;
  private final IdentitySettings settings;
  private final ApplicationEventPublisher events;
  private final SecondFactors secondFactors;

  IdentityBootstrap(
      UserAccounts accounts,
      ApiClients clients,
      IdentitySettings settings,
      ApplicationEventPublisher events,
      SecondFactors secondFactors) {
    this.secondFactors = secondFactors;
    this.accounts = accounts;
    this.clients = clients;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.count() == 0) {
      boolean given = settings.adminPassword() != null && !settings.adminPassword().isBlank();
      String password = given ? settings.adminPassword() : generatePassword();
      var admin =
          accounts.create(
              new UserAccounts.NewUser(
                  ADMIN_USERNAME, "Practice administrator", password, Set.of(Role.PRACTICE_ADMIN)));
      log.info("First administrator account {} created", admin.id());
      if (!given) {
        printOnce(password);
      }
      events.publishEvent(new PracticeInstalled(admin.id()));
    }
    if (!settings.requireTwoStepFor().isEmpty() && !secondFactors.available()) {
      log.warn(
          "Two-step sign-in is required for {} but cannot be set up without RELIEF_SECRET_KEY;"
              + " the requirement waits until the key is set",
          settings.requireTwoStepFor());
    }
    if (hasText(settings.apiClientId()) && hasText(settings.apiClientSecret())) {
      clients.register(
          settings.apiClientId(), settings.apiClientSecret(), List.of(SmartScopes.ALL));
      log.info("System API client registered from the environment");
    }
  }

  @SuppressWarnings("java:S106")
  private static void printOnce(String password) {
    // Printed to the console on purpose, never to the log: it is shown this once and not stored.
    System.out.println(
        """

        ================================================================
          Relief: first administrator created
            username: admin
            password: %s
          This password is shown once. Sign in and keep it safe.
        ================================================================
        """
            .formatted(password));
  }

  private static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
