package org.relief.careers.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
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

/** Recruiters, specialists and postings for the outreach tests, each new per call. */
final class OutreachFixtures {

  static final String PASSWORD = "outreach-pass-123";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private OutreachFixtures() {}

  record Recruiter(Http http, Employer employer, UserAccount account) {}

  record Specialist(Http http, UserAccount account) {
    long id() {
      return account.id();
    }

    String name() {
      return account.displayName();
    }
  }

  static String unique() {
    return SEQ.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
  }

  static Recruiter recruiter(UserAccounts accounts, Employers employers, int port) {
    String n = unique();
    Employer employer =
        employers.create("Outreach Employer " + n + " (synthetic)", EmployerType.GROUP, false);
    String username = "outreach-recruiter-" + n;
    UserAccount account =
        accounts.create(
            new UserAccounts.NewUser(username, "Recruiter " + n, PASSWORD, Set.of(Role.RECRUITER)));
    employers.addRecruiter(employer.id(), username);
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return new Recruiter(http, employer, account);
  }

  static Specialist specialist(UserAccounts accounts, int port) {
    String n = unique();
    String username = "outreach-specialist-" + n;
    UserAccount account =
        accounts.create(
            new UserAccounts.NewUser(
                username, "Dr Outreach " + n, PASSWORD, Set.of(Role.SPECIALIST)));
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return new Specialist(http, account);
  }

  /**
   * A specialist who allows contact, wants {@code state}, at least {@code minPay}, at most 3 call
   * nights a month in an ASC, and has 27 SCS cases as the primary operator this month.
   */
  static Specialist willing(
      UserAccounts accounts, int port, String state, int minPay, MutableClock clock) {
    Specialist s = specialist(accounts, port);
    s.http()
        .submit(
            "/careers/profile",
            "/careers/profile",
            Map.of("npi", "", "homeState", state, "fellowship", "Pain Medicine, Outreach College"));
    preferences(s, state, minPay, true);
    var r =
        s.http()
            .submit(
                "/careers/portfolio",
                "/careers/portfolio/entries",
                Map.of(
                    "family", "SPINAL_CORD_STIMULATION",
                    "guidance", "FLUOROSCOPY",
                    "role", "PRIMARY",
                    "month", YearMonth.from(today(clock)).toString(),
                    "cases", "27"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return s;
  }

  static void preferences(Specialist s, String states, int minPay, boolean allowContact) {
    Map<String, String> prefs = new LinkedHashMap<>();
    prefs.put("prefStates", states);
    prefs.put("prefMinCompensation", Integer.toString(minPay));
    prefs.put("prefMaxCallNights", "3");
    prefs.put("prefSettings", "ASC");
    if (allowContact) {
      prefs.put("allowContact", "true");
    }
    var r = s.http().submit("/careers/profile", "/careers/profile/preferences", prefs);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
  }

  static LocalDate today(MutableClock clock) {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"));
  }

  /**
   * An ASC posting in {@code state}: SCS 25 required, DRG 5 desired, 2 call nights at $1,500, base
   * $450,000–$500,000, $50 a wRVU above 100. With 27 SCS cases (243 wRVUs) the estimate is $450,000
   * + $7,150 + $36,000 = $493,150 to $543,150.
   */
  static Map<String, String> posting(String title, String state, MutableClock clock) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", title);
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "ASC");
    form.put("employmentModel", "EMPLOYED");
    form.put("hiringVia", "DIRECT");
    form.put("sites", "Outreach Spine Center; Springfield; " + state);
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
    form.put("validThrough", today(clock).plusDays(30).toString());
    return form;
  }

  static long draft(Recruiter r, Map<String, String> form) {
    HttpResponse<String> created =
        r.http().submit("/careers/postings/new", "/careers/postings", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  static long publish(Recruiter r, Map<String, String> form) {
    long id = draft(r, form);
    assertThat(
            r.http()
                .submit("/careers/postings", "/careers/postings/" + id + "/publish", Map.of())
                .statusCode())
        .isEqualTo(302);
    return id;
  }

  static HttpResponse<String> write(Recruiter r, long job, long specialist, String body) {
    return r.http()
        .submit(
            "/careers/outreach",
            "/careers/outreach/jobs/" + job + "/specialists/" + specialist,
            Map.of("body", body));
  }
}
