package org.relief.followups;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.PerformedProcedures.Completed;

/** Synthetic patients, physicians and performed procedures for the follow-up tests. */
public final class FollowUpFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final PatientRegistry registry;
  private final UserAccounts accounts;
  private final PerformedProcedures performed;
  private final Clock clock;

  public FollowUpFixtures(
      PatientRegistry registry, UserAccounts accounts, PerformedProcedures performed, Clock clock) {
    this.registry = registry;
    this.accounts = accounts;
    this.performed = performed;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.of("America/New_York")));
  }

  public Patient patient() {
    int n = SEQ.incrementAndGet();
    return registry.register(
        new PatientDetails(
            "FU-" + n,
            "Followup",
            "Fay" + n,
            LocalDate.of(1961, 4, 5),
            Sex.FEMALE,
            "555-0100",
            "fay" + n + "@example.org",
            "en"));
  }

  public UserAccount physician() {
    return accounts.create(
        new UserAccounts.NewUser(
            "fu-physician-" + SEQ.incrementAndGet(),
            "Dr Follow",
            "a-long-enough-pass",
            Set.of(Role.PAIN_PHYSICIAN)));
  }

  public PerformedProcedure perform(
      Patient patient, UserAccount physician, String type, LocalDate on, String... levels) {
    return performed.recordCompleted(
        new Completed(
            patient.id(), type, on, physician.id(), List.of(levels), Laterality.RIGHT, 7, 2));
  }

  /** Waits for something an asynchronous listener does (up to 30 s). */
  public static <T> T eventually(Supplier<T> read, Predicate<T> done) {
    T value = read.get();
    for (int i = 0; i < 300 && !done.test(value); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = read.get();
    }
    return value;
  }
}
