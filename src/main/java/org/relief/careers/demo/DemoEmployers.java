package org.relief.careers.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relief.careers.employers.Employer;
import org.relief.careers.employers.EmployerType;
import org.relief.careers.employers.Employers;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.Compensation;
import org.relief.careers.jobs.EmploymentModel;
import org.relief.careers.jobs.FacilityAsset;
import org.relief.careers.jobs.HiringVia;
import org.relief.careers.jobs.JobDetails;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.JobSite;
import org.relief.careers.jobs.PainTaxonomy;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.jobs.ProcedureRequirement;
import org.relief.careers.jobs.Requirement;
import org.relief.identity.PracticeInstalled;
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
 * Synthetic employers, one synthetic recruiter each, and a dozen published postings (plus one that
 * has expired) for the demo job board. Every organisation and person is invented and marked so;
 * compensation figures are plausible, anchored on careers.md, and labelled synthetic on the page.
 */
@Component
@Profile("demo")
class DemoEmployers {

  private static final Logger log = LoggerFactory.getLogger(DemoEmployers.class);

  /** One synthetic organisation and its recruiter. */
  record Org(String name, EmployerType type, String recruiter, String recruiterName) {}

  static final List<Org> ORGS =
      List.of(
          new Org(
              "Lakeshore Health System (synthetic)",
              EmployerType.HEALTH_SYSTEM,
              "recruiter.lakeshore",
              "Dana Whitfield (synthetic)"),
          new Org(
              "Mesa Verde Spine & Pain Clinic (synthetic)",
              EmployerType.PAIN_CLINIC,
              "recruiter.mesaverde",
              "Luis Ortega (synthetic)"),
          new Org(
              "Northfield University Department of Anesthesiology (synthetic)",
              EmployerType.ACADEMIC_DEPARTMENT,
              "recruiter.northfield",
              "Priya Raman (synthetic)"),
          new Org(
              "Cedar Ridge Surgery Center (synthetic)",
              EmployerType.ASC,
              "recruiter.cedarridge",
              "Morgan Hale (synthetic)"));

  private final Employers employers;
  private final JobPostings postings;
  private final UserAccounts accounts;
  private final Clock clock;
  private final String password;

  DemoEmployers(
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
  @Order(30)
  void on(PracticeInstalled installed) {
    List<Long> ids =
        ORGS.stream()
            .map(
                o -> {
                  Employer e = employers.create(o.name(), o.type(), true);
                  accounts.create(
                      new UserAccounts.NewUser(
                          o.recruiter(), o.recruiterName(), password, Set.of(Role.RECRUITER)));
                  employers.addRecruiter(e.id(), o.recruiter());
                  return e.id();
                })
            .toList();
    LocalDate today = postings.today();
    List<Seed> seeds = seeds(today);
    for (int i = 0; i < seeds.size(); i++) {
      Seed s = seeds.get(i);
      postings.seedSynthetic(
          ids.get(s.org()), s.details(), clock.instant().minus(Duration.ofDays(s.daysAgo())));
    }
    log.info("Synthetic job board: {} employers, {} postings", ORGS.size(), seeds.size());
  }

  /** A posting to seed: which organisation, how long ago it was published, what it says. */
  record Seed(int org, int daysAgo, JobDetails details) {}

  private static List<Seed> seeds(LocalDate today) {
    return List.of(
        new Seed(
            0,
            3,
            job(
                "Interventional Pain Physician — Neuromodulation Focus",
                PracticeSetting.HOSPITAL_EMPLOYED,
                EmploymentModel.EMPLOYED,
                List.of(
                    new JobSite("Lakeshore Pain Institute", "Chicago", "IL"),
                    new JobSite("", "Evanston", "IL")),
                List.of("IL", "WI"),
                true,
                List.of(
                    req(ProcedureFamily.SPINAL_CORD_STIMULATION, 25),
                    req(ProcedureFamily.RADIOFREQUENCY_ABLATION, 50),
                    des(ProcedureFamily.DRG_STIMULATION, 5)),
                "3.5",
                "1.5",
                4,
                pay(450_000, 520_000, "58.00", 7_800, 25_000, 15_000, 0),
                false,
                today.plusDays(75))),
        new Seed(
            0,
            12,
            job(
                "Pain Medicine Physician — Community Hospital",
                PracticeSetting.HOSPITAL_EMPLOYED,
                EmploymentModel.EMPLOYED,
                List.of(new JobSite("Lakeshore North Hospital", "Kenosha", "WI")),
                List.of("WI"),
                true,
                List.of(
                    req(ProcedureFamily.EPIDURAL_STEROID_INJECTION, 100),
                    req(ProcedureFamily.MEDIAL_BRANCH_BLOCK, 60)),
                "3",
                "2",
                2,
                pay(400_000, 440_000, "54.00", 7_000, 40_000, 12_000, 50_000),
                true,
                today.plusDays(40))),
        new Seed(
            0,
            20,
            job(
                "Academic-Affiliated Interventional Pain Physician (Locum)",
                PracticeSetting.HOSPITAL_EMPLOYED,
                EmploymentModel.LOCUM_TENENS,
                List.of(new JobSite("", "Milwaukee", "WI")),
                List.of("WI"),
                true,
                List.of(req(ProcedureFamily.RADIOFREQUENCY_ABLATION, 30)),
                "4",
                "1",
                0,
                pay(null, null, null, null, null, null, null),
                false,
                today.plusDays(20))),
        new Seed(
            1,
            1,
            job(
                "Interventional Pain Physician — Partnership Track",
                PracticeSetting.INDEPENDENT_PRACTICE,
                EmploymentModel.PARTNERSHIP_TRACK,
                List.of(
                    new JobSite("Mesa Verde Spine & Pain — Main", "Phoenix", "AZ"),
                    new JobSite("", "Mesa", "AZ")),
                List.of("AZ"),
                true,
                List.of(
                    req(ProcedureFamily.SPINAL_CORD_STIMULATION, 40),
                    req(ProcedureFamily.KYPHOPLASTY, 10),
                    des(ProcedureFamily.BASIVERTEBRAL_NERVE_ABLATION, 5)),
                "4",
                "1",
                3,
                pay(500_000, 600_000, "62.00", 8_500, 50_000, 20_000, null),
                false,
                today.plusDays(90))),
        new Seed(
            1,
            8,
            job(
                "Pain Physician — Regenerative and Spine",
                PracticeSetting.INDEPENDENT_PRACTICE,
                EmploymentModel.EMPLOYED,
                List.of(new JobSite("", "Tucson", "AZ")),
                List.of("AZ", "NM"),
                false,
                List.of(
                    req(ProcedureFamily.EPIDURAL_STEROID_INJECTION, 80),
                    des(ProcedureFamily.SI_JOINT_FUSION, 5)),
                "3",
                "2",
                0,
                pay(380_000, 420_000, null, null, 20_000, 10_000, null),
                false,
                today.plusDays(60))),
        new Seed(
            1,
            30,
            job(
                "Interventional Pain Physician — Albuquerque",
                PracticeSetting.PRIVATE_EQUITY_GROUP,
                EmploymentModel.EMPLOYED,
                List.of(new JobSite("", "Albuquerque", "NM")),
                List.of("NM"),
                true,
                List.of(
                    req(ProcedureFamily.RADIOFREQUENCY_ABLATION, 40), req(ProcedureFamily.MILD, 5)),
                "3.5",
                "1.5",
                5,
                pay(420_000, 480_000, "55.00", 7_600, 30_000, 15_000, null),
                true,
                today.plusDays(15))),
        new Seed(
            2,
            5,
            job(
                "Assistant Professor, Pain Medicine",
                PracticeSetting.ACADEMIC,
                EmploymentModel.EMPLOYED,
                List.of(new JobSite("Northfield University Hospital", "Minneapolis", "MN")),
                List.of("MN"),
                true,
                List.of(
                    req(ProcedureFamily.SPINAL_CORD_STIMULATION, 20),
                    req(ProcedureFamily.INTRATHECAL_PUMP, 5),
                    des(ProcedureFamily.PERIPHERAL_NERVE_STIMULATION, 5)),
                "2.5",
                "1.5",
                4,
                pay(360_000, 410_000, null, null, 15_000, 10_000, 100_000),
                true,
                today.plusDays(120))),
        new Seed(
            2,
            15,
            job(
                "Clinical Instructor, Interventional Pain (Fellowship Faculty)",
                PracticeSetting.ACADEMIC,
                EmploymentModel.EMPLOYED,
                List.of(new JobSite("", "Saint Paul", "MN")),
                List.of("MN"),
                true,
                List.of(
                    req(ProcedureFamily.EPIDURAL_STEROID_INJECTION, 60),
                    des(ProcedureFamily.SYMPATHETIC_BLOCK, 10)),
                "2",
                "2",
                6,
                pay(330_000, 360_000, null, null, null, 10_000, 50_000),
                true,
                today.plusDays(100))),
        new Seed(
            2,
            25,
            job(
                "PM&R Pain Physician — Spine Center",
                PracticeSetting.ACADEMIC,
                EmploymentModel.EMPLOYED,
                List.of(new JobSite("", "Rochester", "MN")),
                List.of("MN"),
                true,
                List.of(req(ProcedureFamily.MEDIAL_BRANCH_BLOCK, 40)),
                "2",
                "3",
                0,
                pay(310_000, 350_000, null, null, null, 8_000, null),
                false,
                today.plusDays(45))),
        new Seed(
            3,
            2,
            job(
                "ASC Interventional Pain Physician — Ownership Track",
                PracticeSetting.ASC,
                EmploymentModel.PARTNERSHIP_TRACK,
                List.of(
                    new JobSite("Cedar Ridge Surgery Center", "Austin", "TX"),
                    new JobSite("", "Round Rock", "TX")),
                List.of("TX"),
                false,
                List.of(
                    req(ProcedureFamily.SPINAL_CORD_STIMULATION, 30),
                    req(ProcedureFamily.BASIVERTEBRAL_NERVE_ABLATION, 10),
                    req(ProcedureFamily.KYPHOPLASTY, 10)),
                "4.5",
                "0.5",
                2,
                pay(550_000, 650_000, "65.00", 9_000, 75_000, 25_000, null),
                false,
                today.plusDays(80))),
        new Seed(
            3,
            9,
            job(
                "Interventional Pain Physician — Houston",
                PracticeSetting.ASC,
                EmploymentModel.INDEPENDENT_CONTRACTOR,
                List.of(new JobSite("", "Houston", "TX")),
                List.of("TX"),
                false,
                List.of(
                    req(ProcedureFamily.RADIOFREQUENCY_ABLATION, 60),
                    des(ProcedureFamily.DRG_STIMULATION, 5)),
                "4",
                "1",
                0,
                pay(null, null, "70.00", 0, null, null, null),
                true,
                today.plusDays(30))),
        new Seed(
            3,
            18,
            job(
                "Pain Physician — Oklahoma and Texas Sites",
                PracticeSetting.PRIVATE_EQUITY_GROUP,
                EmploymentModel.EMPLOYED,
                List.of(
                    new JobSite("", "Oklahoma City", "OK"), new JobSite("", "Wichita Falls", "TX")),
                List.of("OK", "TX"),
                true,
                List.of(
                    req(ProcedureFamily.EPIDURAL_STEROID_INJECTION, 80),
                    req(ProcedureFamily.PERIPHERAL_NERVE_STIMULATION, 10)),
                "3",
                "2",
                3,
                pay(430_000, 470_000, "52.00", 7_500, 35_000, 15_000, 30_000),
                true,
                today.plusDays(55))),
        new Seed(
            0,
            70,
            job(
                "Interventional Pain Physician — Winter Locum (expired)",
                PracticeSetting.HOSPITAL_EMPLOYED,
                EmploymentModel.LOCUM_TENENS,
                List.of(new JobSite("", "Green Bay", "WI")),
                List.of("WI"),
                true,
                List.of(req(ProcedureFamily.EPIDURAL_STEROID_INJECTION, 50)),
                "4",
                "1",
                0,
                pay(null, null, null, null, null, null, null),
                false,
                today.minusDays(10))));
  }

  static ProcedureRequirement req(ProcedureFamily f, int volume) {
    return new ProcedureRequirement(f, Requirement.REQUIRED, volume);
  }

  static ProcedureRequirement des(ProcedureFamily f, int volume) {
    return new ProcedureRequirement(f, Requirement.DESIRED, volume);
  }

  static Compensation pay(
      Integer baseMin,
      Integer baseMax,
      String wrvuRate,
      Integer wrvuThreshold,
      Integer signOn,
      Integer relocation,
      Integer loans) {
    boolean productive = wrvuRate != null;
    return new Compensation(
        baseMin,
        baseMax,
        productive ? new BigDecimal(wrvuRate) : null,
        wrvuThreshold,
        baseMin == null ? "" : "Up to 10 % on quality measures (synthetic)",
        productive ? "$1,000 per weekday call night (synthetic)" : "",
        productive ? 1000 : null,
        signOn,
        relocation,
        loans,
        "");
  }

  static JobDetails job(
      String title,
      PracticeSetting setting,
      EmploymentModel model,
      List<JobSite> sites,
      List<String> licenceStates,
      boolean imlc,
      List<ProcedureRequirement> procedures,
      String procedureDays,
      String clinicDays,
      int callNights,
      Compensation pay,
      boolean visa,
      LocalDate validThrough) {
    return new JobDetails(
        title,
        "A synthetic posting for the Relief demo: the organisation, the place and every figure are"
            + " invented.",
        model == EmploymentModel.LOCUM_TENENS
            ? PainTaxonomy.ANESTHESIOLOGY_PAIN
            : PainTaxonomy.INTERVENTIONAL_PAIN,
        setting,
        model,
        sites,
        licenceStates,
        imlc,
        EnumSet.of(Board.ABMS, Board.AOA),
        procedures,
        new BigDecimal(procedureDays),
        new BigDecimal(clinicDays),
        callNights,
        callNights == 0 ? "No call" : "Shared call, telephone first (synthetic)",
        setting == PracticeSetting.ASC
            ? EnumSet.of(
                FacilityAsset.FLUOROSCOPY_SUITE, FacilityAsset.ASC, FacilityAsset.ULTRASOUND)
            : EnumSet.of(FacilityAsset.FLUOROSCOPY_SUITE, FacilityAsset.OR_ACCESS),
        setting == PracticeSetting.ACADEMIC ? "Fellows and one NP" : "One PA per physician",
        model == EmploymentModel.PARTNERSHIP_TRACK
            ? new Compensation(
                pay.baseMin(),
                pay.baseMax(),
                pay.wrvuRate(),
                pay.wrvuThreshold(),
                pay.bonus(),
                pay.callPay(),
                pay.callPayPerNight(),
                pay.signOn(),
                pay.relocation(),
                pay.loanRepayment(),
                "Partner eligible after 2 years; ASC buy-in offered (synthetic)")
            : pay,
        model == EmploymentModel.PARTNERSHIP_TRACK
            ? "15 miles for 1 year (synthetic)"
            : "None stated (synthetic)",
        visa,
        "Within 3–6 months",
        model == EmploymentModel.LOCUM_TENENS ? HiringVia.AGENCY : HiringVia.DIRECT,
        validThrough,
        false);
  }
}
