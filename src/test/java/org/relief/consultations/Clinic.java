package org.relief.consultations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Http;

/** Test clinicians, patients and bookings for the consultation tests. */
final class Clinic {

  static final String PASSWORD = "clinic-test-pass-1";
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** A person of the practice with a signed-in browser. */
  record Person(UserAccount account, Http http) {
    long id() {
      return account.id();
    }
  }

  private final UserAccounts accounts;
  private final PatientRegistry patients;
  private final int port;

  Clinic(UserAccounts accounts, PatientRegistry patients, int port) {
    this.accounts = accounts;
    this.patients = patients;
    this.port = port;
  }

  Person person(Role role) {
    String username =
        "cons-"
            + role.name().toLowerCase(Locale.ROOT).replace('_', '-')
            + "-"
            + SEQ.incrementAndGet();
    UserAccount account =
        accounts.create(
            new UserAccounts.NewUser(username, "Dr Test " + username, PASSWORD, Set.of(role)));
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return new Person(account, http);
  }

  Patient patient() {
    return patients.register(
        new PatientDetails(
            "CONS-" + SEQ.incrementAndGet(),
            "Visiting",
            "Vera",
            LocalDate.of(1970, 5, 6),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  static Map<String, String> booking(
      Patient patient, long clinicianId, String kind, LocalDate date, String time) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("mrn", patient.mrn());
    form.put("clinicianId", Long.toString(clinicianId));
    form.put("kind", kind);
    form.put("date", date.toString());
    form.put("time", time);
    form.put("minutes", "");
    return form;
  }
}
