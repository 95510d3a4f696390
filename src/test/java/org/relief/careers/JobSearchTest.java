package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careers.CareersFixtures.Recruiter;
import org.relief.careers.employers.Employers;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.JobSearchForm;
import org.relief.careers.jobs.Place;
import org.relief.careers.jobs.Places;
import org.relief.identity.UserAccounts;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The board's distance, call and telemedicine filters against the real database. */
@ReliefIntegrationTest
class JobSearchTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired MutableClock clock;
  @Autowired JobPostings postings;
  @Autowired Places places;
  @Autowired JdbcClient jdbc;

  private long publish(Recruiter r, String title, String sites, Consumer<Map<String, String>> c) {
    Map<String, String> form =
        CareersFixtures.posting(title + " " + System.nanoTime(), "TX", clock);
    form.put("sites", sites);
    c.accept(form);
    return CareersFixtures.publish(r, form);
  }

  private List<Long> found(String near, String miles, String call, String telemedicine) {
    return postings.openIds(
        new JobSearchForm(null, null, null, null, null, null, near, miles, call, telemedicine)
            .search(places));
  }

  private double miles(Place a, Place b) {
    return jdbc.sql("SELECT careers_great_circle_miles(:a1, :a2, :b1, :b2)")
        .param("a1", a.latitude())
        .param("a2", a.longitude())
        .param("b1", b.latitude())
        .param("b2", b.longitude())
        .query(Double.class)
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

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void greatCircleMilesMatchThePublishedDistancesBetweenKnownCities() {
    // Published straight-line distances between city centres, in statute miles.
    assertThat(miles(places.find("New York, NY"), places.find("Los Angeles, CA")))
        .isCloseTo(2445, within(25.0));
    assertThat(miles(places.find("Seattle, WA"), places.find("Miami, FL")))
        .isCloseTo(2734, within(27.0));
    assertThat(miles(places.find("Chicago, IL"), places.find("Milwaukee, WI")))
        .isCloseTo(81, within(2.0));
    assertThat(miles(places.find("Austin, TX"), places.find("Houston, TX")))
        .isCloseTo(146, within(2.0));
    assertThat(miles(places.find("Phoenix, AZ"), places.find("Tucson, AZ")))
        .isCloseTo(106, within(2.0));
    Place austin = places.find("Austin, TX");
    assertThat(miles(austin, austin)).isZero();
    assertThat(miles(places.find("Houston, TX"), austin))
        .isEqualTo(miles(austin, places.find("Houston, TX")));
  }

  @Test
  void findsPostingsWithAnySiteWithinTheRadiusAndListsTheNearestFirst() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long austin = publish(r, "Austin Spine", "Central; Austin; TX", f -> {});
    long roundRock = publish(r, "Round Rock Pain", "Round Rock; TX", f -> {});
    long houston = publish(r, "Houston Pain", "Houston; TX", f -> {});
    long twoSites = publish(r, "Houston and Round Rock", "Houston; TX\nRound Rock; TX", f -> {});
    long milwaukee = publish(r, "Milwaukee Pain", "Milwaukee; WI", f -> {});
    long unplaced = publish(r, "Smallville Pain", "Smallville; TX", f -> {});

    assertThat(found("Austin, TX", "25", null, null))
        .contains(austin, roundRock, twoSites)
        .doesNotContain(houston, milwaukee, unplaced);
    assertThat(found("78701", "150", null, null))
        .contains(austin, roundRock, twoSites, houston)
        .doesNotContain(milwaukee, unplaced);
    assertThat(found("Milwaukee, WI", "10", null, null))
        .contains(milwaukee)
        .doesNotContain(austin, houston);

    HttpResponse<String> board =
        Http.browser(port).get("/jobs?near=" + q("Austin, TX") + "&miles=150&sort=NEAREST");
    assertThat(board.statusCode()).isEqualTo(200);
    List<Long> order =
        listed(board).stream()
            .filter(List.of(austin, roundRock, houston, twoSites)::contains)
            .toList();
    assertThat(order.get(0)).isEqualTo(austin);
    assertThat(order.indexOf(roundRock)).isLessThan(order.indexOf(houston));
    assertThat(order.indexOf(twoSites)).isLessThan(order.indexOf(houston));
    assertThat(board.body()).contains("· 146 miles away", "· 17 miles away", "· under 1 mile away");
  }

  @Test
  void keepsPostingsWhoseCallIsAtMostOneInNNightsAndThoseOfferingTelemedicine() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long fourNights =
        publish(
            r,
            "Lubbock light call",
            "Lubbock; TX",
            f -> {
              f.put("callNights", "4");
              f.put("telemedicine", "true");
            });
    long tenNights =
        publish(r, "Lubbock heavy call", "Lubbock; TX", f -> f.put("callNights", "10"));
    long noCall = publish(r, "Lubbock no call", "Lubbock; TX", f -> f.put("callNights", "0"));
    long unstated = publish(r, "Lubbock call unstated", "Lubbock; TX", f -> f.remove("callNights"));

    assertThat(found("Lubbock, TX", "5", "7", null))
        .contains(fourNights, noCall)
        .doesNotContain(tenNights, unstated);
    assertThat(found("Lubbock, TX", "5", "3", null)).contains(fourNights, noCall, tenNights);
    assertThat(found("Lubbock, TX", "5", "8", null)).contains(noCall).doesNotContain(fourNights);
    assertThat(found("Lubbock, TX", "5", null, "true"))
        .contains(fourNights)
        .doesNotContain(tenNights, noCall, unstated);

    var page = r.http().get("/careers/postings/" + fourNights);
    assertThat(page.body()).contains("Telemedicine", "Part of the work", "(about 1 in 8 nights)");
    assertThat(r.http().get("/careers/postings/" + fourNights + "/edit").body())
        .containsPattern("name=\"telemedicine\" value=\"true\" checked");
    assertThat(Http.browser(port).get("/jobs?near=Lubbock&miles=5&telemedicine=true&call=7").body())
        .contains("Lubbock light call", "Telemedicine", "Call about 1 in 8")
        .doesNotContain("Lubbock heavy call");
  }

  @Test
  void placesSitesWhenThePostingIsSavedAndWarnsTheRecruiterOfACityItCannotPlace() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long id = publish(r, "Placed and unplaced", "El Paso; TX\nSmallville; TX", f -> {});
    List<Map<String, Object>> sites =
        jdbc.sql(
                "SELECT city, latitude, longitude FROM job_site WHERE job_id = :id ORDER BY position")
            .param("id", id)
            .query()
            .listOfRows();
    assertThat(sites.get(0).get("latitude")).isEqualTo(places.find("El Paso, TX").latitude());
    assertThat(sites.get(1).get("latitude")).isNull();
    assertThat(r.http().get("/careers/postings/" + id).body())
        .contains("Smallville, TX is not in the Relief place table")
        .doesNotContain("El Paso, TX is not in");
  }

  @Test
  void refusesAnUnknownPlaceANegativeDistanceAndWordsForNumbersWithAClearMessage() {
    Http anyone = Http.browser(port);
    var unknown = anyone.get("/jobs?near=Atlantis&miles=50");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body())
        .contains("Relief does not know where &#39;Atlantis&#39; is")
        .contains("value=\"Atlantis\"");
    var negative = anyone.get("/jobs?near=" + q("Austin, TX") + "&miles=-5");
    assertThat(negative.statusCode()).isEqualTo(422);
    assertThat(negative.body()).contains("The distance must be between 1 and 3000");
    var words = anyone.get("/jobs?near=" + q("Austin, TX") + "&miles=far");
    assertThat(words.statusCode()).isEqualTo(422);
    assertThat(words.body()).contains("The distance must be a whole number");
    assertThat(anyone.get("/jobs?minBase=lots").statusCode()).isEqualTo(422);
    assertThat(anyone.get("/jobs?call=often").body())
        .contains("The call limit must be a whole number");
    assertThat(anyone.get("/jobs?miles=50").body())
        .contains("Give the place to measure the distance from");
    var fragment = anyone.get("/jobs?near=Atlantis", "HX-Request", "true");
    assertThat(fragment.statusCode()).as("htmx swaps only 2xx answers").isEqualTo(200);
    assertThat(fragment.body()).contains("Atlantis").doesNotContain("<html");
  }
}
