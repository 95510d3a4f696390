package org.relief.patients.bodymap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class BodyMapTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Pattern CHOSEN_PATH =
      Pattern.compile("<path class=\"region chosen\"[^>]*data-region=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired BodyMaps maps;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  private Patient patient() {
    int n = SEQ.incrementAndGet();
    return registry.register(
        new PatientDetails(
            "BM-" + n,
            "Mapwell",
            "Mo" + n,
            LocalDate.of(1971, 2, 3),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  private Http signedIn(Role role) {
    return Staff.signedIn(accounts, port, role);
  }

  private static String page(long id) {
    return "/patients/" + id + "/body-map";
  }

  /** Posts the map form as a browser does: one {@code region} field per ticked box. */
  private static HttpResponse<String> post(
      Http browser, long id, String version, List<String> regions) {
    String csrf = Http.csrfTokenOf(browser.get(page(id)).body());
    return postWith(browser, id, csrf, version, regions);
  }

  private static HttpResponse<String> postWith(
      Http browser, long id, String csrf, String version, List<String> regions) {
    StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
    if (version != null) {
      body.append("&version=").append(version);
    }
    regions.forEach(r -> body.append("&region=").append(enc(r)));
    return browser.postRaw(page(id), body.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private long audited(String action, long patientId) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'BodyMap'"
                + " AND object_id = :id")
        .param("a", action)
        .param("id", Long.toString(patientId))
        .query(Long.class)
        .single();
  }

  private static List<String> highlighted(String html) {
    Matcher m = CHOSEN_PATH.matcher(html);
    List<String> codes = new java.util.ArrayList<>();
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  @Test
  void physicianSavesRegionsAsCodesAndTheChartHighlightsAndNamesThem() {
    Patient p = patient();
    Http physician = signedIn(Role.PAIN_PHYSICIAN);
    String editor = physician.get(page(p.id())).body();
    assertThat(editor).contains("id=\"region-back.lumbar.left\"", "Lumbar spine");
    assertThat(editor).doesNotContain("style=", "<style", "<script>");

    var saved =
        post(
            physician,
            p.id(),
            null,
            List.of("back.lumbar.left", "back.lumbar", "front.knee.right"));
    assertThat(saved.statusCode()).isEqualTo(302);

    List<String> stored =
        jdbc.sql("SELECT region FROM body_map_region WHERE patient_id = :id ORDER BY region")
            .param("id", p.id())
            .query(String.class)
            .list();
    assertThat(stored).containsExactly("back.lumbar", "back.lumbar.left", "front.knee.right");

    long readsBefore = audited("READ", p.id());
    String chart = physician.get("/patients/" + p.id()).body();
    assertThat(highlighted(chart))
        .containsExactlyInAnyOrder("back.lumbar.left", "back.lumbar", "front.knee.right");
    assertThat(chart)
        .contains("Left lower back", "Lumbar spine", "Right knee (front)", "Edit body map");
    assertThat(audited("CREATE", p.id())).isEqualTo(1);
    assertThat(audited("READ", p.id())).as("the chart's read").isEqualTo(readsBefore + 1);
  }

  @Test
  void editingStartsFromTheSavedMapAndReplacesIt() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    post(nurse, p.id(), null, List.of("back.sacrum", "back.buttock.right"));
    String editor = nurse.get(page(p.id())).body();
    assertThat(editor)
        .containsPattern("id=\"region-back.sacrum\"\\s+value=\"back.sacrum\"\\s+checked")
        .contains("name=\"version\" value=\"0\"");
    assertThat(highlighted(editor)).containsExactlyInAnyOrder("back.sacrum", "back.buttock.right");

    assertThat(post(nurse, p.id(), "0", List.of("back.cervical")).statusCode()).isEqualTo(302);
    BodyMap map = maps.read(p.id()).orElseThrow();
    assertThat(map.codes()).containsExactly("back.cervical");
    assertThat(map.version()).isEqualTo(1);
    assertThat(audited("UPDATE", p.id())).isEqualTo(1);
  }

  @Test
  void anUnknownRegionIsRefusedWith422AndTheOtherTicksAreKept() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    var refused = post(nurse, p.id(), null, List.of("front.knee.left", "front.tail.left"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("&#39;front.tail.left&#39; is not a body region Relief knows")
        .containsPattern("id=\"region-front.knee.left\"\\s+value=\"front.knee.left\"\\s+checked");
    assertThat(maps.read(p.id())).isEmpty();
    assertThat(post(nurse, p.id(), "x", List.of()).statusCode()).isEqualTo(422);
  }

  @Test
  void savingOverSomeoneElsesSaveAnswers409AndShowsTheSavedMap() {
    Patient p = patient();
    Http nurse = signedIn(Role.FRONT_DESK);
    String csrf = Http.csrfTokenOf(nurse.get(page(p.id())).body());
    maps.save(p.id(), null, List.of("front.chest.left"));
    var conflict = postWith(nurse, p.id(), csrf, null, List.of("front.foot.right"));
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("Someone else saved patient");
    assertThat(highlighted(conflict.body())).containsExactly("front.chest.left");
    assertThat(maps.read(p.id()).orElseThrow().codes()).containsExactly("front.chest.left");
  }

  @Test
  void administratorsRecruitersAndSpecialistsAreRefusedAndSeeNothing() {
    Patient p = patient();
    maps.save(p.id(), null, List.of("back.heel.left"));
    long readsBefore = audited("READ", p.id());
    for (Role role : new Role[] {Role.PRACTICE_ADMIN, Role.RECRUITER, Role.SPECIALIST}) {
      Http browser = signedIn(role);
      var page = browser.get(page(p.id()));
      assertThat(page.statusCode()).as(role.name()).isEqualTo(403);
      assertThat(page.body()).doesNotContain("back.heel.left", "Mapwell");
      String csrf = Http.csrfTokenOf(browser.get("/account/security").body());
      assertThat(postWith(browser, p.id(), csrf, "0", List.of()).statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(audited("READ", p.id())).isEqualTo(readsBefore);
    assertThat(maps.read(p.id()).orElseThrow().codes()).containsExactly("back.heel.left");
  }

  @Test
  void anUnknownPatientIsNotFound() {
    Http nurse = signedIn(Role.NURSE);
    assertThat(nurse.get(page(987654321)).statusCode()).isEqualTo(404);
    String csrf = Http.csrfTokenOf(nurse.get("/patients").body());
    var post = postWith(nurse, 987654321, csrf, null, List.of("back.sacrum"));
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.body()).contains("There is no patient 987654321.");
    assertThat(audited("CREATE", 987654321)).isEqualTo(1);
  }

  @Test
  void everyRegionOfTheCatalogueIsDrawnAndListed() {
    Patient p = patient();
    String editor = signedIn(Role.NURSE).get(page(p.id())).body();
    for (BodyRegion r : BodyRegions.all()) {
      assertThat(editor).contains("data-region=\"" + r.code() + "\"", "value=\"" + r.code() + "\"");
    }
  }
}
