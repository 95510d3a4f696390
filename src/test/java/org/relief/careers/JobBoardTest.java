package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careers.employers.Employer;
import org.relief.careers.employers.EmployerType;
import org.relief.careers.employers.Employers;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ReliefIntegrationTest
class JobBoardTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String PASSWORD = "a-long-enough-pass";
  private static final Pattern JSON_LD =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  /** A signed-in recruiter of a new organisation. */
  record Recruiter(Http http, Employer employer) {}

  private Recruiter recruiter() {
    int n = SEQ.incrementAndGet();
    Employer employer =
        employers.create(
            "Test Employer " + n + " " + System.nanoTime(), EmployerType.HOSPITAL, false);
    String username = "jobs-recruiter-" + n + "-" + System.nanoTime() % 100000;
    accounts.create(
        new UserAccounts.NewUser(username, "Recruiter " + n, PASSWORD, Set.of(Role.RECRUITER)));
    employers.addRecruiter(employer.id(), username);
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return new Recruiter(http, employer);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("America/New_York"));
  }

  private Map<String, String> form(String title, String state, int baseMax) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", title);
    form.put("summary", "A test posting.");
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "HOSPITAL_EMPLOYED");
    form.put("employmentModel", "EMPLOYED");
    form.put("hiringVia", "DIRECT");
    form.put("sites", "Test Spine Center; Springfield; " + state);
    form.put("licenceStates", state);
    form.put("imlcAccepted", "true");
    form.put("boards", "ABMS");
    form.put("proc.SPINAL_CORD_STIMULATION", "REQUIRED");
    form.put("vol.SPINAL_CORD_STIMULATION", "25");
    form.put("proc.DRG_STIMULATION", "DESIRED");
    form.put("procedureDays", "3.5");
    form.put("clinicDays", "1.5");
    form.put("callNights", "4");
    form.put("assets", "FLUOROSCOPY_SUITE");
    form.put("appSupport", "One NP");
    form.put("baseMin", Integer.toString(baseMax - 50_000));
    form.put("baseMax", Integer.toString(baseMax));
    form.put("wrvuRate", "55.50");
    form.put("wrvuThreshold", "7500");
    form.put("bonus", "Quality bonus up to 10 %");
    form.put("callPay", "$1,000 a night");
    form.put("signOn", "25000");
    form.put("relocation", "15000");
    form.put("loanRepayment", "40000");
    form.put("partnershipTrack", "Partner after 2 years");
    form.put("startWindow", "Summer 2027");
    form.put("validThrough", today().plusDays(30).toString());
    return form;
  }

  private long create(Recruiter r, Map<String, String> form) {
    HttpResponse<String> created =
        r.http().submit("/careers/postings/new", "/careers/postings", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private HttpResponse<String> post(Recruiter r, String page, String action) {
    return r.http().submit(page, action, Map.of());
  }

  private long publish(Recruiter r, Map<String, String> form) {
    long id = create(r, form);
    assertThat(post(r, "/careers/postings", "/careers/postings/" + id + "/publish").statusCode())
        .isEqualTo(302);
    return id;
  }

  private long audited(String action, long id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'JobPosting'"
                + " AND object_id = :id")
        .param("a", action)
        .param("id", Long.toString(id))
        .query(Long.class)
        .single();
  }

  private static List<Long> listed(HttpResponse<String> page) {
    Matcher m = Pattern.compile("<h2><a href=\"/jobs/(\\d+)\">").matcher(page.body());
    List<Long> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static JsonNode jsonLd(HttpResponse<String> page) {
    Matcher m = JSON_LD.matcher(page.body());
    assertThat(m.find()).as("a JSON-LD block").isTrue();
    return Http.JSON.readTree(m.group(1));
  }

  @Test
  void recruiterWritesEditsPublishesAndClosesTheirPostingAndEachStepIsAudited() {
    Recruiter r = recruiter();
    long id = create(r, form("Pain Physician — Draft", "IL", 450_000));
    var draft = r.http().get("/careers/postings/" + id);
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.body()).contains("Pain Physician — Draft", "Draft", "Springfield, IL");
    assertThat(r.http().get("/careers/postings").body()).contains("Pain Physician — Draft");

    Map<String, String> edited = form("Pain Physician — Edited", "IL", 480_000);
    var update =
        r.http().submit("/careers/postings/" + id + "/edit", "/careers/postings/" + id, edited);
    assertThat(update.statusCode()).isEqualTo(302);
    var page = r.http().get("/careers/postings/" + id);
    assertThat(page.body()).contains("Pain Physician — Edited", "$480,000", "Spinal cord");

    assertThat(post(r, "/careers/postings", "/careers/postings/" + id + "/publish").statusCode())
        .isEqualTo(302);
    assertThat(Http.browser(port).get("/jobs/" + id).statusCode()).isEqualTo(200);
    assertThat(post(r, "/careers/postings", "/careers/postings/" + id + "/close").statusCode())
        .isEqualTo(302);
    assertThat(Http.browser(port).get("/jobs/" + id).statusCode()).isEqualTo(410);
    assertThat(r.http().get("/careers/postings/" + id).body()).contains("Closed");

    assertThat(audited("CREATE", id)).isEqualTo(1);
    assertThat(audited("UPDATE", id)).isEqualTo(3);
    String details =
        String.join(
            ",",
            jdbc.sql(
                    "SELECT detail FROM audit_event WHERE object_type = 'JobPosting'"
                        + " AND object_id = :id AND detail IS NOT NULL ORDER BY id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list());
    assertThat(details).isEqualTo("publish,close");
  }

  @Test
  void aRefusedFormComesBackWithTheReasonAndWhatWasTyped() {
    Recruiter r = recruiter();
    Map<String, String> bad = form("Base Range Backwards", "IL", 400_000);
    bad.put("baseMin", "500000");
    var refused = r.http().submit("/careers/postings/new", "/careers/postings", bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("The lowest base salary cannot be above the highest", "Base Range Backwards");
    Map<String, String> badSite = form("Site Without State", "IL", 400_000);
    badSite.put("sites", "Springfield; Illinois");
    assertThat(r.http().submit("/careers/postings/new", "/careers/postings", badSite).body())
        .contains("two-letter US state");
  }

  @Test
  void aRecruiterOfAnotherOrganisationFindsNothingAndChangesNothing() {
    Recruiter a = recruiter();
    Recruiter b = recruiter();
    long draft = create(b, form("Organisation B Draft", "OH", 400_000));
    long published = publish(b, form("Organisation B Published", "OH", 400_000));

    for (long id : List.of(draft, published)) {
      assertThat(a.http().get("/careers/postings/" + id).statusCode()).isEqualTo(404);
      assertThat(a.http().get("/careers/postings/" + id + "/edit").statusCode()).isEqualTo(404);
      var edit =
          a.http()
              .submit("/careers/postings", "/careers/postings/" + id, form("Taken over", "OH", 1));
      assertThat(edit.statusCode()).isEqualTo(404);
      assertThat(post(a, "/careers/postings", "/careers/postings/" + id + "/publish").statusCode())
          .isEqualTo(404);
      assertThat(post(a, "/careers/postings", "/careers/postings/" + id + "/close").statusCode())
          .isEqualTo(404);
    }
    assertThat(a.http().get("/careers/postings").body()).doesNotContain("Organisation B");
    var stored =
        jdbc.sql("SELECT title || ':' || status FROM job_posting WHERE id IN (:ids) ORDER BY id")
            .param("ids", List.of(draft, published))
            .query(String.class)
            .list();
    assertThat(stored)
        .containsExactly("Organisation B Draft:DRAFT", "Organisation B Published:PUBLISHED");
    assertThat(audited("UPDATE", draft)).isZero();
  }

  @Test
  void recruitersAndTheAnonymousCannotManageOrganisationsAndAnAdminCan() {
    Recruiter r = recruiter();
    assertThat(r.http().get("/careers/employers").statusCode()).isEqualTo(403);
    assertThat(Http.browser(port).get("/careers/postings").statusCode()).isEqualTo(302);

    String admin = "careers-admin-" + SEQ.incrementAndGet();
    accounts.create(
        new UserAccounts.NewUser(admin, "Admin", PASSWORD, Set.of(Role.PRACTICE_ADMIN)));
    Http http = Http.browser(port);
    http.signIn(admin, PASSWORD);
    String name = "Admin-made Clinic " + System.nanoTime();
    var created =
        http.submit(
            "/careers/employers",
            "/careers/employers",
            Map.of("name", name, "type", "PAIN_CLINIC"));
    assertThat(created.statusCode()).isEqualTo(302);
    long id =
        jdbc.sql("SELECT id FROM employer WHERE name = :n")
            .param("n", name)
            .query(Long.class)
            .single();
    String newRecruiter = "careers-new-recruiter-" + SEQ.incrementAndGet();
    accounts.create(
        new UserAccounts.NewUser(newRecruiter, "New", PASSWORD, Set.of(Role.RECRUITER)));
    assertThat(
            http.submit(
                    "/careers/employers",
                    "/careers/employers/" + id + "/recruiters",
                    Map.of("username", newRecruiter))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            http.submit(
                    "/careers/employers",
                    "/careers/employers/" + id + "/recruiters",
                    Map.of("username", admin))
                .body())
        .contains("does not have the recruiter role");
    Http joined = Http.browser(port);
    joined.signIn(newRecruiter, PASSWORD);
    assertThat(joined.get("/careers").body()).contains(name);
  }

  @Test
  void theBoardFiltersByStateSettingProcedureBaseAndVisaAndSorts() {
    Recruiter r = recruiter();
    long low = publish(r, form("Guam Low Base", "GU", 350_000));
    Map<String, String> highForm = form("Guam High Base", "GU", 600_000);
    highForm.put("visa", "true");
    highForm.put("setting", "ACADEMIC");
    highForm.remove("proc.SPINAL_CORD_STIMULATION");
    highForm.put("proc.KYPHOPLASTY", "REQUIRED");
    long high = publish(r, highForm);
    long middle = publish(r, form("Guam Middle Base", "GU", 450_000));
    Http anyone = Http.browser(port);

    assertThat(listed(anyone.get("/jobs?state=GU"))).containsExactly(middle, high, low);
    assertThat(listed(anyone.get("/jobs?state=GU&sort=HIGHEST_BASE")))
        .containsExactly(high, middle, low);
    assertThat(listed(anyone.get("/jobs?state=GU&minBase=440000")))
        .containsExactlyInAnyOrder(high, middle);
    assertThat(listed(anyone.get("/jobs?state=GU&setting=ACADEMIC"))).containsExactly(high);
    assertThat(listed(anyone.get("/jobs?state=GU&procedure=KYPHOPLASTY"))).containsExactly(high);
    assertThat(listed(anyone.get("/jobs?state=GU&procedure=SPINAL_CORD_STIMULATION")))
        .containsExactly(middle, low);
    assertThat(listed(anyone.get("/jobs?state=GU&procedure=DRG_STIMULATION")))
        .as("desired is not required")
        .isEmpty();
    assertThat(listed(anyone.get("/jobs?state=GU&visa=true"))).containsExactly(high);
    assertThat(listed(anyone.get("/jobs?state=GU"))).doesNotContainAnyElementsOf(List.of(-1L));
    var fragment = anyone.get("/jobs?state=GU", "HX-Request", "true");
    assertThat(fragment.body()).doesNotContain("<html").contains("Guam High Base");
  }

  @Test
  void draftsAreNeverPublicAndExpiredPostingsLeaveTheBoardByThemselves() {
    Recruiter r = recruiter();
    long draft = create(r, form("Virgin Islands Draft", "VI", 400_000));
    Map<String, String> shortLived = form("Virgin Islands Short-lived", "VI", 400_000);
    shortLived.put("validThrough", today().plusDays(1).toString());
    long expiring = publish(r, shortLived);
    Http anyone = Http.browser(port);
    assertThat(listed(anyone.get("/jobs?state=VI"))).containsExactly(expiring);
    assertThat(anyone.get("/jobs/" + draft).statusCode()).isEqualTo(404);
    assertThat(anyone.get("/jobs/" + expiring).statusCode()).isEqualTo(200);

    Instant start = clock.instant();
    try {
      clock.advance(Duration.ofDays(2));
      assertThat(listed(anyone.get("/jobs?state=VI"))).isEmpty();
      var gone = anyone.get("/jobs/" + expiring);
      assertThat(gone.statusCode()).isEqualTo(410);
      assertThat(gone.body()).contains("This position is closed").doesNotContain("ld+json");
      assertThat(r.http().get("/careers/postings/" + expiring).body()).contains("Expired");
    } finally {
      clock.set(start);
    }
    assertThat(listed(anyone.get("/jobs?state=VI"))).containsExactly(expiring);
  }

  @Test
  void thePostingPageCarriesJobPostingJsonLdWithItsParts() {
    Recruiter r = recruiter();
    long id = publish(r, form("Interventional Pain Physician — JSON-LD", "KS", 500_000));
    var page = Http.browser(port).get("/jobs/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Compensation, part by part", "$450,000", "$500,000", "$55.5 per wRVU")
        .contains("$25,000", "$15,000", "$40,000", "Partner after 2 years");
    JsonNode ld = jsonLd(page);
    assertThat(ld.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(ld.get("@type").asText()).isEqualTo("JobPosting");
    assertThat(ld.get("title").asText()).isEqualTo("Interventional Pain Physician — JSON-LD");
    assertThat(ld.get("datePosted").asText())
        .isEqualTo(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString());
    assertThat(ld.get("validThrough").asText()).isEqualTo(today().plusDays(30).toString());
    assertThat(ld.get("hiringOrganization").get("name").asText()).isEqualTo(r.employer().name());
    JsonNode address = ld.get("jobLocation").get(0).get("address");
    assertThat(address.get("addressLocality").asText()).isEqualTo("Springfield");
    assertThat(address.get("addressRegion").asText()).isEqualTo("KS");
    JsonNode salary = ld.get("baseSalary");
    assertThat(salary.get("currency").asText()).isEqualTo("USD");
    assertThat(salary.get("value").get("minValue").asInt()).isEqualTo(450_000);
    assertThat(salary.get("value").get("maxValue").asInt()).isEqualTo(500_000);
    assertThat(salary.get("value").get("unitText").asText()).isEqualTo("YEAR");
  }

  @Test
  void aHostileTitleCannotLeaveTheJsonLdBlock() {
    Recruiter r = recruiter();
    String hostile =
        "Pain MD</script><script>alert(1)</script><!--<script> \"quoted\" 'it's' &amp;";
    long id = publish(r, form(hostile, "KS", 400_000));
    var page = Http.browser(port).get("/jobs/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
    Matcher block = JSON_LD.matcher(page.body());
    assertThat(block.find()).isTrue();
    assertThat(block.group(1)).as("no markup inside the data block").doesNotContain("<");
    JsonNode ld = jsonLd(page);
    assertThat(ld.get("title").asText()).isEqualTo(hostile);
    String afterBlock = page.body().substring(page.body().indexOf("ld+json"));
    assertThat(afterBlock.indexOf("</script>"))
        .as("the first </script> after the block closes the block itself")
        .isLessThan(afterBlock.indexOf("<h1>"));
  }
}
