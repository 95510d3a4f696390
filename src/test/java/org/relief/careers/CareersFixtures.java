package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.relief.careers.employers.Employer;
import org.relief.careers.employers.EmployerType;
import org.relief.careers.employers.Employers;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;

/** Recruiters of new organisations and their published postings, for the careers tests. */
final class CareersFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();
  static final String PASSWORD = "a-long-enough-pass";

  private CareersFixtures() {}

  /** A signed-in recruiter of a new organisation. */
  record Recruiter(Http http, Employer employer, UserAccount account) {}

  static Recruiter recruiter(UserAccounts accounts, Employers employers, int port) {
    int n = SEQ.incrementAndGet();
    Employer employer =
        employers.create(
            "Fixture Employer " + n + " " + System.nanoTime(), EmployerType.GROUP, false);
    String username = "fixture-recruiter-" + n + "-" + System.nanoTime() % 100000;
    UserAccount account =
        accounts.create(
            new UserAccounts.NewUser(username, "Recruiter " + n, PASSWORD, Set.of(Role.RECRUITER)));
    employers.addRecruiter(employer.id(), username);
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return new Recruiter(http, employer, account);
  }

  static LocalDate today(MutableClock clock) {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"));
  }

  /** A posting in {@code state} asking for SCS (25, required) and DRG (5, desired). */
  static Map<String, String> posting(String title, String state, MutableClock clock) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", title);
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "ASC");
    form.put("employmentModel", "EMPLOYED");
    form.put("hiringVia", "DIRECT");
    form.put("sites", "Fixture Spine Center; Springfield; " + state);
    form.put("licenceStates", state);
    form.put("imlcAccepted", "true");
    form.put("boards", "ABMS");
    form.put("proc.SPINAL_CORD_STIMULATION", "REQUIRED");
    form.put("vol.SPINAL_CORD_STIMULATION", "25");
    form.put("proc.DRG_STIMULATION", "DESIRED");
    form.put("vol.DRG_STIMULATION", "5");
    form.put("callNights", "2");
    form.put("baseMin", "450000");
    form.put("baseMax", "500000");
    form.put("wrvuRate", "50");
    form.put("wrvuThreshold", "100");
    form.put("callPayPerNight", "1500");
    form.put("signOn", "30000");
    form.put("validThrough", today(clock).plusDays(30).toString());
    return form;
  }

  static long publish(Recruiter r, Map<String, String> form) {
    HttpResponse<String> created =
        r.http().submit("/careers/postings/new", "/careers/postings", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(
            r.http()
                .submit("/careers/postings", "/careers/postings/" + id + "/publish", Map.of())
                .statusCode())
        .isEqualTo(302);
    return id;
  }
}
