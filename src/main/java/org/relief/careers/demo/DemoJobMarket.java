package org.relief.careers.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.relief.careers.employers.EmployerType;
import org.relief.careers.employers.Employers;
import org.relief.careers.jobs.EmploymentModel;
import org.relief.careers.jobs.JobDetails;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.JobSite;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.jobs.ProcedureRequirement;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rest of the synthetic job market after {@link DemoEmployers}: a dozen more invented
 * organisations across the country, each with one synthetic recruiter, and about 140 generated
 * postings across more than 40 states, so that search, matching and the demand view have a market
 * to work on. Settings, procedures, call, pay, visa and valid-through vary; a few postings have
 * already expired and leave the board by themselves. Fixed seed: the same market every time.
 */
@Component
@Profile("demo")
class DemoJobMarket {

  private static final Logger log = LoggerFactory.getLogger(DemoJobMarket.class);
  private static final long SEED = 20261124L + 31;

  /** A synthetic organisation, its recruiter and the cities it hires for. */
  record Org(
      String name,
      EmployerType type,
      String recruiter,
      String recruiterName,
      List<String> cities) {}

  static final List<Org> ORGS =
      List.of(
          new Org(
              "Bayou Spine & Pain Partners (synthetic)",
              EmployerType.GROUP,
              "recruiter.bayou",
              "Renee Thibodeaux (synthetic)",
              List.of(
                  "New Orleans LA",
                  "Baton Rouge LA",
                  "Lafayette LA",
                  "Shreveport LA",
                  "Jackson MS",
                  "Gulfport MS")),
          new Org(
              "Cascadia Pain Institute (synthetic)",
              EmployerType.PAIN_CLINIC,
              "recruiter.cascadia",
              "Owen Marsh (synthetic)",
              List.of(
                  "Seattle WA", "Spokane WA", "Tacoma WA", "Portland OR", "Eugene OR", "Boise ID")),
          new Org(
              "Great Plains Regional Health (synthetic)",
              EmployerType.HEALTH_SYSTEM,
              "recruiter.greatplains",
              "Karen Lindgren (synthetic)",
              List.of(
                  "Omaha NE",
                  "Lincoln NE",
                  "Wichita KS",
                  "Topeka KS",
                  "Des Moines IA",
                  "Sioux Falls SD",
                  "Fargo ND")),
          new Org(
              "Piedmont Anesthesia & Pain Associates (synthetic)",
              EmployerType.GROUP,
              "recruiter.piedmont",
              "Marcus Bell (synthetic)",
              List.of(
                  "Charlotte NC",
                  "Raleigh NC",
                  "Greensboro NC",
                  "Columbia SC",
                  "Greenville SC",
                  "Richmond VA",
                  "Roanoke VA")),
          new Org(
              "Keystone University Pain Medicine (synthetic)",
              EmployerType.ACADEMIC_DEPARTMENT,
              "recruiter.keystone",
              "Helen Novak (synthetic)",
              List.of(
                  "Philadelphia PA",
                  "Pittsburgh PA",
                  "Hershey PA",
                  "Newark NJ",
                  "Buffalo NY",
                  "Rochester NY",
                  "Wilmington DE")),
          new Org(
              "Sunbelt Interventional Partners (synthetic)",
              EmployerType.GROUP,
              "recruiter.sunbelt",
              "Tasha Greene (synthetic)",
              List.of(
                  "Tampa FL",
                  "Orlando FL",
                  "Jacksonville FL",
                  "Atlanta GA",
                  "Savannah GA",
                  "Birmingham AL",
                  "Mobile AL")),
          new Org(
              "Front Range Spine Surgery Center (synthetic)",
              EmployerType.ASC,
              "recruiter.frontrange",
              "Caleb Ortiz (synthetic)",
              List.of(
                  "Denver CO",
                  "Colorado Springs CO",
                  "Fort Collins CO",
                  "Salt Lake City UT",
                  "Provo UT",
                  "Cheyenne WY",
                  "Billings MT")),
          new Org(
              "Harbor Point Hospital (synthetic)",
              EmployerType.HOSPITAL,
              "recruiter.harborpoint",
              "Siobhan Kelly (synthetic)",
              List.of(
                  "Boston MA",
                  "Worcester MA",
                  "Hartford CT",
                  "Providence RI",
                  "Manchester NH",
                  "Portland ME",
                  "Burlington VT")),
          new Org(
              "Ozark Community Hospital (synthetic)",
              EmployerType.HOSPITAL,
              "recruiter.ozark",
              "Wade Carter (synthetic)",
              List.of(
                  "Springfield MO",
                  "St. Louis MO",
                  "Kansas City MO",
                  "Little Rock AR",
                  "Fayetteville AR",
                  "Tulsa OK")),
          new Org(
              "Golden State Pain Medical Group (synthetic)",
              EmployerType.GROUP,
              "recruiter.goldenstate",
              "Mei Chen (synthetic)",
              List.of(
                  "Los Angeles CA",
                  "San Diego CA",
                  "Sacramento CA",
                  "Fresno CA",
                  "Las Vegas NV",
                  "Reno NV",
                  "Honolulu HI")),
          new Org(
              "Heartland Neuromodulation Center (synthetic)",
              EmployerType.PAIN_CLINIC,
              "recruiter.heartland",
              "Greg Kowalski (synthetic)",
              List.of(
                  "Columbus OH",
                  "Cleveland OH",
                  "Indianapolis IN",
                  "Grand Rapids MI",
                  "Detroit MI",
                  "Louisville KY")),
          new Org(
              "Volunteer Health Network (synthetic)",
              EmployerType.HEALTH_SYSTEM,
              "recruiter.volunteer",
              "Amber Hollis (synthetic)",
              List.of(
                  "Nashville TN",
                  "Knoxville TN",
                  "Memphis TN",
                  "Chattanooga TN",
                  "Lexington KY",
                  "Charleston WV",
                  "Anchorage AK")));

  /** Cities of the four organisations of {@link DemoEmployers}, in their order. */
  private static final List<List<String>> FIRST_ORG_CITIES =
      List.of(
          List.of("Chicago IL", "Rockford IL", "Madison WI", "Peoria IL"),
          List.of("Phoenix AZ", "Scottsdale AZ", "Las Cruces NM", "Flagstaff AZ"),
          List.of("Duluth MN", "Minneapolis MN", "Saint Cloud MN"),
          List.of("San Antonio TX", "Dallas TX", "El Paso TX", "Lubbock TX"));

  static final int POSTINGS_PER_NEW_ORG = 11;
  static final int POSTINGS_PER_FIRST_ORG = 2;

  private final Set<String> states = new java.util.TreeSet<>();
  private final Employers employers;
  private final JobPostings postings;
  private final UserAccounts accounts;
  private final Clock clock;
  private final String password;

  DemoJobMarket(
      Employers employers,
      JobPostings postings,
      UserAccounts accounts,
      Clock clock,
      @Value("${relief.demo.password}") String password) {
    this.employers = employers;
    this.postings = postings;
    this.accounts = accounts;
    this.clock = clock;
    this.password = password;
  }

  @EventListener
  @Order(31)
  void on(PracticeInstalled installed) {
    long started = System.nanoTime();
    Random random = new Random(SEED);
    LocalDate today = postings.today();
    int count = 0;
    for (int i = 0; i < DemoEmployers.ORGS.size(); i++) {
      var first = DemoEmployers.ORGS.get(i);
      UserAccount recruiter = accounts.findByUsername(first.recruiter()).orElseThrow();
      long employerId = postings.employerOf(recruiter.id()).id();
      count += seed(employerId, first.type(), FIRST_ORG_CITIES.get(i), 2, today, random, count);
    }
    accounts.createSharingPassword(
        ORGS.stream()
            .map(
                o ->
                    new UserAccounts.NewUser(
                        o.recruiter(), o.recruiterName(), password, Set.of(Role.RECRUITER)))
            .toList());
    for (Org o : ORGS) {
      long id = employers.create(o.name(), o.type(), true).id();
      employers.addRecruiter(id, o.recruiter());
      count += seed(id, o.type(), o.cities(), POSTINGS_PER_NEW_ORG, today, random, count);
    }
    log.info(
        "Synthetic job market: {} more employers, {} more postings in {} states ({} ms)",
        ORGS.size(),
        count,
        states.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private int seed(
      long employerId,
      EmployerType type,
      List<String> cities,
      int n,
      LocalDate today,
      Random random,
      int seq) {
    for (int k = 0; k < n; k++) {
      int daysAgo = 1 + random.nextInt(80);
      JobDetails details = posting(type, cities, today, daysAgo, random, seq + k);
      details.sites().forEach(s -> states.add(s.state()));
      postings.seedSynthetic(employerId, details, clock.instant().minus(Duration.ofDays(daysAgo)));
    }
    return n;
  }

  private static final String[] TITLES = {
    "Interventional Pain Physician",
    "Pain Medicine Physician",
    "Interventional Pain and Neuromodulation Physician",
    "Spine and Pain Physician",
    "Anesthesiology Pain Specialist",
    "Interventional Spine Physician",
  };

  /** One generated posting; every ~25th has already expired. */
  static JobDetails posting(
      EmployerType type,
      List<String> cities,
      LocalDate today,
      int daysAgo,
      Random random,
      int seq) {
    PracticeSetting setting = settingOf(type, random);
    EmploymentModel model = modelOf(setting, random);
    List<JobSite> sites = new ArrayList<>();
    String main = cities.get(random.nextInt(cities.size()));
    sites.add(site(main));
    if (random.nextInt(3) == 0) {
      String second = cities.get(random.nextInt(cities.size()));
      if (!second.equals(main)) {
        sites.add(site(second));
      }
    }
    Set<String> states = new LinkedHashSet<>();
    sites.forEach(s -> states.add(s.state()));
    List<ProcedureRequirement> procedures = procedures(setting, random);
    int callNights = new int[] {0, 0, 1, 2, 2, 3, 4, 5, 6, 8}[random.nextInt(10)];
    int base = setting == PracticeSetting.ACADEMIC ? 320 : 380 + random.nextInt(4) * 20;
    int spread = 30 + random.nextInt(5) * 10;
    boolean productive = setting != PracticeSetting.ACADEMIC && random.nextInt(3) > 0;
    String rate = productive ? (48 + random.nextInt(18)) + ".00" : null;
    int baseMin = base + random.nextInt(6) * 10;
    var pay =
        model == EmploymentModel.LOCUM_TENENS
            ? DemoEmployers.pay(null, null, null, null, null, null, null)
            : DemoEmployers.pay(
                baseMin * 1000,
                (baseMin + spread + random.nextInt(8) * 10) * 1000,
                rate,
                productive ? 6_500 + random.nextInt(10) * 250 : null,
                random.nextInt(4) == 0 ? null : (10 + random.nextInt(7) * 5) * 1000,
                random.nextInt(5) == 0 ? null : 10_000 + random.nextInt(3) * 5_000,
                setting == PracticeSetting.ACADEMIC || random.nextInt(4) == 0
                    ? 25_000 + random.nextInt(4) * 25_000
                    : null);
    boolean expired = seq % 25 == 7;
    LocalDate validThrough =
        expired
            ? today.minusDays(1 + random.nextInt(20))
            : today.plusDays(10 + random.nextInt(110));
    int procedureDays = 2 + random.nextInt(3);
    String title =
        TITLES[random.nextInt(TITLES.length)]
            + (model == EmploymentModel.LOCUM_TENENS ? " (Locum)" : "")
            + " — "
            + main.substring(0, main.length() - 3)
            + (expired ? " (expired)" : "");
    return DemoEmployers.job(
        title,
        setting,
        model,
        sites,
        List.copyOf(states),
        random.nextInt(4) > 0,
        procedures,
        procedureDays + (random.nextBoolean() ? ".5" : ""),
        Integer.toString(Math.max(1, 4 - procedureDays)),
        callNights,
        pay,
        random.nextInt(4) == 0,
        validThrough);
  }

  private static JobSite site(String cityState) {
    return new JobSite(
        "",
        cityState.substring(0, cityState.length() - 3),
        cityState.substring(cityState.length() - 2));
  }

  private static PracticeSetting settingOf(EmployerType type, Random random) {
    return switch (type) {
      case ACADEMIC_DEPARTMENT -> PracticeSetting.ACADEMIC;
      case HEALTH_SYSTEM, HOSPITAL ->
          random.nextInt(5) == 0 ? PracticeSetting.ACADEMIC : PracticeSetting.HOSPITAL_EMPLOYED;
      case ASC -> PracticeSetting.ASC;
      case PAIN_CLINIC ->
          random.nextBoolean() ? PracticeSetting.INDEPENDENT_PRACTICE : PracticeSetting.ASC;
      case GROUP ->
          random.nextBoolean()
              ? PracticeSetting.PRIVATE_EQUITY_GROUP
              : PracticeSetting.INDEPENDENT_PRACTICE;
    };
  }

  private static EmploymentModel modelOf(PracticeSetting setting, Random random) {
    int r = random.nextInt(10);
    if (r == 0) {
      return EmploymentModel.LOCUM_TENENS;
    }
    return switch (setting) {
      case ACADEMIC, HOSPITAL_EMPLOYED -> EmploymentModel.EMPLOYED;
      case ASC, INDEPENDENT_PRACTICE ->
          r < 5 ? EmploymentModel.PARTNERSHIP_TRACK : EmploymentModel.EMPLOYED;
      case PRIVATE_EQUITY_GROUP ->
          r < 3 ? EmploymentModel.INDEPENDENT_CONTRACTOR : EmploymentModel.EMPLOYED;
    };
  }

  /** The families every pain job asks for, and the advanced ones a job may add. */
  private static final List<ProcedureFamily> CORE =
      List.of(
          ProcedureFamily.EPIDURAL_STEROID_INJECTION,
          ProcedureFamily.MEDIAL_BRANCH_BLOCK,
          ProcedureFamily.RADIOFREQUENCY_ABLATION);

  private static final List<ProcedureFamily> ADVANCED =
      List.of(
          ProcedureFamily.SPINAL_CORD_STIMULATION,
          ProcedureFamily.DRG_STIMULATION,
          ProcedureFamily.PERIPHERAL_NERVE_STIMULATION,
          ProcedureFamily.INTRATHECAL_PUMP,
          ProcedureFamily.KYPHOPLASTY,
          ProcedureFamily.BASIVERTEBRAL_NERVE_ABLATION,
          ProcedureFamily.SI_JOINT_FUSION,
          ProcedureFamily.MILD,
          ProcedureFamily.SYMPATHETIC_BLOCK);

  private static List<ProcedureRequirement> procedures(PracticeSetting setting, Random random) {
    List<ProcedureRequirement> out = new ArrayList<>();
    Set<ProcedureFamily> used = EnumSet.noneOf(ProcedureFamily.class);
    int core = 1 + random.nextInt(2);
    for (int i = 0; i < core; i++) {
      ProcedureFamily f = CORE.get(random.nextInt(CORE.size()));
      if (used.add(f)) {
        out.add(DemoEmployers.req(f, 30 + random.nextInt(8) * 10));
      }
    }
    int advanced = random.nextInt(setting == PracticeSetting.ASC ? 4 : 3);
    for (int i = 0; i < advanced; i++) {
      ProcedureFamily f = ADVANCED.get(random.nextInt(ADVANCED.size()));
      if (used.add(f)) {
        out.add(
            random.nextBoolean()
                ? DemoEmployers.req(f, 5 + random.nextInt(6) * 5)
                : DemoEmployers.des(f, 5 + random.nextInt(3) * 5));
      }
    }
    return out;
  }
}
