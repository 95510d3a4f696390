package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careers.CareersFixtures.Recruiter;
import org.relief.careers.employers.Employers;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Saved searches, their alerts for new matches, and who may see them. */
@ReliefIntegrationTest
class SavedSearchAlertsTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  /** A signed-in specialist and their account ID. */
  record Specialist(Http http, long id) {}

  private Specialist specialist() {
    String username = "alerts-specialist-" + SEQ.incrementAndGet() + "-" + System.nanoTime();
    long id =
        accounts
            .create(
                new UserAccounts.NewUser(
                    username,
                    "Dr Alert (synthetic)",
                    CareersFixtures.PASSWORD,
                    Set.of(Role.SPECIALIST)))
            .id();
    Http http = Http.browser(port);
    http.signIn(username, CareersFixtures.PASSWORD);
    return new Specialist(http, id);
  }

  private long publish(Recruiter r, String title, String sites, Consumer<Map<String, String>> c) {
    Map<String, String> form = CareersFixtures.posting(title, "AZ", clock);
    form.put("sites", sites);
    c.accept(form);
    return CareersFixtures.publish(r, form);
  }

  private static Map<String, String> search(String name, String near, String miles) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("near", near);
    form.put("miles", miles);
    form.put("procedure", "SPINAL_CORD_STIMULATION");
    form.put("sort", "NEAREST");
    return form;
  }

  private static HttpResponse<String> save(Specialist s, Map<String, String> form) {
    return s.http().submit("/jobs", "/careers/searches", form);
  }

  private long savedId(HttpResponse<String> saved) {
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    Matcher m =
        Pattern.compile("saved=(\\d+)")
            .matcher(saved.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private List<Long> alerted(long savedSearchId) {
    return jdbc.sql(
            "SELECT job_id FROM saved_search_match WHERE saved_search_id = :s AND NOT baseline"
                + " ORDER BY job_id")
        .param("s", savedSearchId)
        .query(Long.class)
        .list();
  }

  private List<String> messagesTo(long userId) {
    return jdbc.sql(
            "SELECT body FROM careers_outbox_message WHERE user_id = :u AND purpose = 'job-alert'"
                + " ORDER BY id")
        .param("u", userId)
        .query(String.class)
        .list();
  }

  @Test
  void aNewPostingThatMatchesASavedSearchIsShownOnceAsANewMatchWithACountOnTheCareersHome() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    String run = Long.toString(System.nanoTime());
    long before = publish(r, "Tucson before " + run, "Tucson; AZ", f -> {});
    Specialist s = specialist();
    long searchId = savedId(save(s, search("Near Tucson " + run, "Tucson, AZ", "30")));

    var page = s.http().get("/careers/searches");
    assertThat(page.body())
        .contains("Near Tucson " + run, "Within 30 miles of Tucson, AZ", "requires Spinal cord")
        .contains("Nothing new");
    assertThat(alerted(searchId)).as("postings listed when saved are not news").isEmpty();

    long matching = publish(r, "Tucson new " + run, "Tucson; AZ", f -> {});
    long farAway = publish(r, "Phoenix new " + run, "Phoenix; AZ", f -> {});
    long otherProcedure =
        publish(
            r,
            "Tucson kypho " + run,
            "Tucson; AZ",
            f -> {
              f.remove("proc.SPINAL_CORD_STIMULATION");
              f.put("proc.KYPHOPLASTY", "REQUIRED");
            });
    assertThat(alerted(searchId)).containsExactly(matching);

    page = s.http().get("/careers/searches");
    assertThat(page.body())
        .contains("New matches since you last looked", "Tucson new " + run, "1 new")
        .doesNotContain("Tucson before " + run, "Phoenix new " + run, "Tucson kypho " + run);
    var home = s.http().get("/careers/profile");
    assertThat(home.body()).contains("1 new job matches your saved searches", "1 new");

    // Editing the published posting does not alert again; moving another into range does.
    Map<String, String> edited =
        CareersFixtures.posting("Tucson new " + run + " (edited)", "AZ", clock);
    edited.put("sites", "Tucson; AZ");
    assertThat(
            r.http()
                .submit(
                    "/careers/postings/" + matching + "/edit",
                    "/careers/postings/" + matching,
                    edited)
                .statusCode())
        .isEqualTo(302);
    Map<String, String> moved = CareersFixtures.posting("Phoenix moved " + run, "AZ", clock);
    moved.put("sites", "Tucson; AZ");
    assertThat(
            r.http()
                .submit(
                    "/careers/postings/" + farAway + "/edit", "/careers/postings/" + farAway, moved)
                .statusCode())
        .isEqualTo(302);
    assertThat(alerted(searchId)).containsExactly(matching, farAway);
    assertThat(before).isNotIn(alerted(searchId));
    assertThat(otherProcedure).isNotIn(alerted(searchId));

    assertThat(
            s.http().submit("/careers/searches", "/careers/searches/seen", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(s.http().get("/careers/searches").body()).contains("Nothing new");
    assertThat(s.http().get("/careers/profile").body()).doesNotContain("match your saved searches");
    assertThat(messagesTo(s.id())).as("no message was asked for").isEmpty();
  }

  @Test
  void aSearchThatAsksForMessagesQueuesOneMessageWithOnlyTheTitleAndALink() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    String run = Long.toString(System.nanoTime());
    Specialist s = specialist();
    Map<String, String> first = search("Flagstaff A " + run, "Flagstaff", "20");
    first.put("notify", "true");
    savedId(save(s, first));
    Map<String, String> second = search("Flagstaff B " + run, "86001", "40");
    second.put("notify", "true");
    savedId(save(s, second));

    long job = publish(r, "Flagstaff SCS " + run, "Flagstaff; AZ", f -> {});

    assertThat(messagesTo(s.id()))
        .as("one message per specialist, however many of their searches match")
        .containsExactly(
            "A new job matches your saved search on Relief: Flagstaff SCS "
                + run
                + "\nhttp://localhost:8080/jobs/"
                + job);
  }

  @Test
  void onlyTheOwnerSeesAndDeletesASavedSearchAndRecruitersAreRefused() {
    Specialist owner = specialist();
    long id = savedId(save(owner, search("Mine " + System.nanoTime(), "Phoenix, AZ", "50")));

    Specialist other = specialist();
    assertThat(other.http().get("/careers/searches").body())
        .doesNotContain("Within 50 miles of Phoenix");
    var stolen =
        other.http().submit("/careers/searches", "/careers/searches/" + id + "/delete", Map.of());
    assertThat(stolen.statusCode()).isEqualTo(404);
    assertThat(
            jdbc.sql("SELECT count(*) FROM saved_job_search WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Recruiter recruiter = CareersFixtures.recruiter(accounts, employers, port);
    assertThat(recruiter.http().get("/careers/searches").statusCode()).isEqualTo(403);
    assertThat(
            recruiter
                .http()
                .submit("/careers/postings", "/careers/searches/" + id + "/delete", Map.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            recruiter
                .http()
                .submit("/careers/postings", "/careers/searches", search("Steal", "Phoenix", "5"))
                .statusCode())
        .isEqualTo(403);
    assertThat(Http.browser(port).get("/careers/searches").statusCode()).isEqualTo(302);

    var deleted =
        owner.http().submit("/careers/searches", "/careers/searches/" + id + "/delete", Map.of());
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("SELECT count(*) FROM saved_job_search WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aSearchThatCannotBeReadIsRefusedWithTheReasonAndNothingIsSaved() {
    Specialist s = specialist();
    var unknown = save(s, search("Atlantis", "Atlantis", "50"));
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).contains("Relief does not know where &#39;Atlantis&#39; is");
    var negative = save(s, search("Negative", "Tucson, AZ", "-10"));
    assertThat(negative.statusCode()).isEqualTo(422);
    assertThat(negative.body()).contains("The distance must be between 1 and 3000");
    var noName = save(s, search("  ", "Tucson, AZ", "10"));
    assertThat(noName.statusCode()).isEqualTo(422);
    assertThat(noName.body()).contains("Give the search a name");
    savedId(save(s, search("Twice", "Tucson, AZ", "10")));
    var twice = save(s, search("twice", "Tucson, AZ", "20"));
    assertThat(twice.statusCode()).isEqualTo(422);
    assertThat(twice.body()).contains("You already have a saved search called");
    assertThat(
            jdbc.sql("SELECT count(*) FROM saved_job_search WHERE specialist_id = :s")
                .param("s", s.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
