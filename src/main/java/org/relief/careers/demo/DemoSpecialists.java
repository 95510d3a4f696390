package org.relief.careers.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.relief.careers.applications.Applications;
import org.relief.careers.applications.Applications.StageChange;
import org.relief.careers.applications.Stage;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.PainTaxonomy;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.portfolio.CaseRole;
import org.relief.careers.portfolio.Guidance;
import org.relief.careers.portfolio.Portfolios;
import org.relief.careers.portfolio.Portfolios.SelfReport;
import org.relief.careers.portfolio.PracticeLink;
import org.relief.careers.portfolio.PracticeLinks;
import org.relief.careers.specialists.BoardCertification;
import org.relief.careers.specialists.CmeCategory;
import org.relief.careers.specialists.CmeCredit;
import org.relief.careers.specialists.CmeRequirement;
import org.relief.careers.specialists.Licence;
import org.relief.careers.specialists.LicenceStatus;
import org.relief.careers.specialists.Npi;
import org.relief.careers.specialists.Preferences;
import org.relief.careers.specialists.Registration;
import org.relief.careers.specialists.RegistrationKind;
import org.relief.careers.specialists.SpecialistProfile;
import org.relief.careers.specialists.SpecialistProfiles;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * About eighty synthetic specialists for the demo job market, each with a credential wallet,
 * private preferences and a self-reported case log, and a few dozen applications at every stage of
 * the demo employers' pipelines.
 *
 * <p>Three of them are the demo practice's pain physicians under a second, specialist account
 * ({@code specialist.okafor} for {@code dr.okafor}, ...): each asks to link the practice account
 * through {@link PracticeLinks}, and the practice administrator attests two of the links and their
 * counts, so those portfolios are verified from the procedures the demo practice really recorded
 * ({@code procedures.PerformedProcedures}); the third link waits for the administrator, to try the
 * attestation page. Runs after the procedure history (order 50) and the job market (30, 31).
 *
 * <p>Everything goes through the careers services, so every rule a specialist meets applies here
 * too (valid NPI check digit, no dates in the future, the pipeline's stage order), in one
 * transaction so that the demo starts quickly (audit rows keep their own). Names are invented and
 * marked "(synthetic)"; NPIs merely pass the check digit. Fixed seed.
 */
@Component
@Profile("demo")
class DemoSpecialists {

  private static final Logger log = LoggerFactory.getLogger(DemoSpecialists.class);
  private static final long SEED = 20261124L + 70;

  /** The practice physicians who also keep a specialist profile, and where they are licensed. */
  record PracticeSpecialist(String practiceUsername, boolean attested) {

    String specialistUsername() {
      return "specialist." + practiceUsername.substring(practiceUsername.indexOf('.') + 1);
    }
  }

  static final List<PracticeSpecialist> PRACTICE =
      List.of(
          new PracticeSpecialist("dr.okafor", true),
          new PracticeSpecialist("dr.lindqvist", true),
          new PracticeSpecialist("dr.reyes", false));

  static final String PRACTICE_ADMIN = "manager.silva";
  static final int GENERATED = 77;

  private static final String[] FIRST = {
    "Avery", "Blake", "Casey", "Dana", "Elliot", "Francis", "Gray", "Harper", "Indra", "Jordan",
    "Kendall", "Logan", "Morgan", "Noor", "Oakley", "Parker", "Quinn", "Reese", "Sasha", "Taylor",
    "Uma", "Vic", "Wren", "Yael", "Zion", "Ari", "Bao", "Chidi", "Dev", "Emeka", "Farah"
  };

  private static final String[] SURNAME_START = {
    "Ash", "Bram", "Cole", "Dun", "Eld", "Fair", "Glen", "Hol", "Ives", "King", "Lang", "Mar",
    "North", "Oak", "Pem", "Quill", "Rown", "Stan", "Thorn", "Wex"
  };

  private static final String[] SURNAME_END = {"ford", "wick", "ley", "ton"};

  /** States where most synthetic specialists live (job-market states, weighted by repetition). */
  private static final String[] STATES = {
    "TX", "TX", "CA", "CA", "FL", "FL", "NY", "PA", "IL", "IL", "OH", "GA", "NC", "MI", "NJ", "VA",
    "WA", "AZ", "MA", "TN", "IN", "MO", "MN", "WI", "CO", "AL", "SC", "LA", "KY", "OR", "OK", "UT",
    "IA", "NV", "AR", "KS", "NM", "NE", "MS", "ID", "NH", "ME", "WV", "MT", "DE", "SD", "ND", "AK"
  };

  /** States that ask for a state controlled-substance registration besides the DEA's. */
  private static final Set<String> STATE_CS =
      Set.of(
          "AL", "CT", "DE", "HI", "ID", "IL", "IN", "LA", "MA", "MI", "MO", "NJ", "NM", "NV", "OK",
          "RI", "SC", "SD", "UT", "WY");

  private static final String[] PROGRAMS = {
    "Northfield University", "Lakeshore Medical College", "Keystone University",
    "Cascadia Health Sciences University", "Gulf Coast Medical School", "Prairie State University",
    "Harbor Point Teaching Hospital", "Blue Ridge School of Medicine"
  };

  private final UserAccounts accounts;
  private final SpecialistProfiles profiles;
  private final Portfolios portfolios;
  private final PracticeLinks links;
  private final JobPostings postings;
  private final Applications applications;
  private final Clock clock;
  private final String password;

  DemoSpecialists(
      UserAccounts accounts,
      SpecialistProfiles profiles,
      Portfolios portfolios,
      PracticeLinks links,
      JobPostings postings,
      Applications applications,
      Clock clock,
      @Value("${relief.demo.password}") String password) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.portfolios = portfolios;
    this.links = links;
    this.postings = postings;
    this.applications = applications;
    this.clock = clock;
    this.password = password;
  }

  @EventListener
  @Order(70)
  @Transactional
  void on(PracticeInstalled installed) {
    long started = System.nanoTime();
    Random random = new Random(SEED);
    LocalDate today = profiles.today();
    List<UserAccounts.NewUser> people = new ArrayList<>();
    for (PracticeSpecialist p : PRACTICE) {
      String name = accounts.findByUsername(p.practiceUsername()).orElseThrow().displayName();
      people.add(person(p.specialistUsername(), name));
    }
    for (int i = 0; i < GENERATED; i++) {
      String surname =
          SURNAME_START[i % SURNAME_START.length] + SURNAME_END[i / SURNAME_START.length];
      String first = FIRST[(i * 7) % FIRST.length];
      people.add(
          person(
              "specialist." + surname.toLowerCase(),
              "Dr. " + first + " " + surname + " (synthetic)"));
    }
    List<Long> specialists =
        accounts.createSharingPassword(people).stream().map(UserAccount::id).toList();
    long admin = accounts.findByUsername(PRACTICE_ADMIN).orElseThrow().id();
    YearMonth thisMonth = YearMonth.from(today);
    int verified = 0;
    for (int i = 0; i < PRACTICE.size(); i++) {
      PracticeSpecialist p = PRACTICE.get(i);
      long id = specialists.get(i);
      wallet(id, i, "PA", today, random);
      portfolios.addSelfReported(
          id, caseLog(today, random, 0, false, List.of(ProcedureFamily.SPINAL_CORD_STIMULATION)));
      PracticeLink link = links.request(id, p.practiceUsername());
      if (p.attested()) {
        links.decide(admin, link.id(), true);
        verified +=
            links.attestCounts(admin, link.id(), thisMonth.minusMonths(35), thisMonth).total();
      }
    }
    for (int i = PRACTICE.size(); i < specialists.size(); i++) {
      long id = specialists.get(i);
      int fellowshipYear = wallet(id, i, STATES[random.nextInt(STATES.length)], today, random);
      portfolios.addSelfReported(
          id, caseLog(today, random, fellowshipYear, true, advanced(random)));
    }
    int applied = applications(specialists, random);
    log.info(
        "Synthetic specialists: {} profiles, {} verified procedures attested, {} applications"
            + " ({} ms)",
        specialists.size(),
        verified,
        applied,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private UserAccounts.NewUser person(String username, String displayName) {
    return new UserAccounts.NewUser(username, displayName, password, Set.of(Role.SPECIALIST));
  }

  /** Basics, licences, registrations, boards, CME and preferences; returns the fellowship year. */
  private int wallet(long id, int n, String home, LocalDate today, Random random) {
    int fellowshipYear =
        today.getYear() - (random.nextInt(8) == 0 ? random.nextInt(2) : 1 + random.nextInt(24));
    PainTaxonomy taxonomy = taxonomy(random);
    int caqhDaysAgo =
        switch (random.nextInt(10)) {
          case 0, 1 -> 105 + random.nextInt(14);
          case 2 -> 121 + random.nextInt(30);
          default -> 3 + random.nextInt(95);
        };
    List<Licence> licences = new ArrayList<>();
    List<Registration> registrations = new ArrayList<>();
    List<BoardCertification> boards = new ArrayList<>();
    List<CmeCredit> cme = new ArrayList<>();
    Set<String> licensed = new LinkedHashSet<>();
    licensed.add(home);
    int extra = new int[] {0, 0, 0, 1, 1, 1, 1, 2, 2, 3}[random.nextInt(10)];
    while (licensed.size() < 1 + extra) {
      licensed.add(STATES[random.nextInt(STATES.length)]);
    }
    int k = 0;
    for (String state : licensed) {
      boolean pending = k > 0 && random.nextInt(8) == 0;
      LocalDate expires = pending ? null : expiry(today, random, 90);
      boolean verified = random.nextInt(4) > 0;
      licences.add(
          new Licence(
              0,
              state,
              state + "-MD-" + (100000 + random.nextInt(900000)),
              pending ? LicenceStatus.PENDING : LicenceStatus.ACTIVE,
              expires,
              verified ? "State board online lookup (synthetic)" : "",
              verified ? today.minusDays(5 + random.nextInt(200)) : null,
              verified ? "State medical board website" : "Self-reported"));
      if (!pending) {
        boolean deaVerified = random.nextBoolean();
        registrations.add(
            new Registration(
                0,
                RegistrationKind.DEA,
                state,
                "F" + (char) ('A' + random.nextInt(26)) + (1000000 + random.nextInt(9000000)),
                expiry(today, random, 90),
                deaVerified ? "Employer credentialing office (synthetic)" : "",
                deaVerified ? today.minusDays(10 + random.nextInt(300)) : null));
        if (STATE_CS.contains(state)) {
          registrations.add(
              new Registration(
                  0,
                  RegistrationKind.STATE_CS,
                  state,
                  state + "-CS-" + (10000 + random.nextInt(90000)),
                  expiry(today, random, 90),
                  "",
                  null));
        }
      }
      k++;
    }

    String primary =
        switch (taxonomy) {
          case PMR_PAIN -> "Physical Medicine and Rehabilitation";
          case NEUROLOGY_PAIN -> "Neurology";
          default -> "Anesthesiology";
        };
    LocalDate primaryOn = LocalDate.of(fellowshipYear - 1, 7, 15);
    boards.add(
        new BoardCertification(0, Board.ABMS, primary, primaryOn, null, mocDue(today, random)));
    if (fellowshipYear < today.getYear()) {
      LocalDate painOn = LocalDate.of(fellowshipYear, 11, 1);
      boolean other = random.nextInt(12) == 0;
      boards.add(
          new BoardCertification(
              0,
              other ? Board.ABPM : Board.ABMS,
              other ? "Interventional Pain Medicine" : "Pain Medicine (subspecialty)",
              painOn,
              other ? expiry(today, random, 180) : null,
              other ? null : mocDue(today, random)));
    }

    cme.add(
        new CmeCredit(
            0,
            CmeCategory.AMA_PRA_1,
            null,
            BigDecimal.valueOf(12 + random.nextInt(30)),
            today.minusDays(20 + random.nextInt(300)),
            "Annual interventional pain meeting (synthetic)"));
    cme.add(
        new CmeCredit(
            0,
            CmeCategory.OPIOID_PRESCRIBING,
            home,
            BigDecimal.valueOf(2 + random.nextInt(4)),
            today.minusDays(30 + random.nextInt(500)),
            "Safe opioid prescribing course (synthetic)"));
    if (random.nextBoolean()) {
      cme.add(
          new CmeCredit(
              0,
              CmeCategory.PATIENT_SAFETY,
              null,
              new BigDecimal("1.5"),
              today.minusDays(40 + random.nextInt(400)),
              "Radiation safety in fluoroscopy (synthetic)"));
    }
    LocalDate due = today.plusDays(20 + random.nextInt(600));
    CmeRequirement cycle =
        new CmeRequirement(
            0, home, CmeCategory.AMA_PRA_1, BigDecimal.valueOf(50), due.minusYears(2), due);
    List<String> wanted = new ArrayList<>();
    if (random.nextInt(5) > 1) {
      wanted.add(home);
      for (int i = random.nextInt(3); i > 0; i--) {
        String s = STATES[random.nextInt(STATES.length)];
        if (!wanted.contains(s)) {
          wanted.add(s);
        }
      }
    }
    Set<PracticeSetting> settings = EnumSet.noneOf(PracticeSetting.class);
    if (random.nextInt(5) > 1) {
      PracticeSetting[] all = PracticeSetting.values();
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        settings.add(all[random.nextInt(all.length)]);
      }
    }
    Preferences preferences =
        new Preferences(
            wanted,
            random.nextInt(6) == 0 ? null : 365_000 + random.nextInt(40) * 5_000,
            random.nextInt(5) == 0 ? null : random.nextInt(7),
            settings,
            random.nextInt(20) < 13);
    profiles.fill(
        id,
        new SpecialistProfile(
            id,
            npi(n),
            taxonomy,
            home,
            "Pain Medicine Fellowship, "
                + PROGRAMS[random.nextInt(PROGRAMS.length)]
                + " (synthetic)",
            fellowshipYear,
            today.minusDays(caqhDaysAgo),
            licences,
            registrations,
            boards,
            cme,
            List.of(cycle),
            preferences));
    return fellowshipYear;
  }

  private static PainTaxonomy taxonomy(Random random) {
    int r = random.nextInt(20);
    if (r < 8) {
      return PainTaxonomy.INTERVENTIONAL_PAIN;
    }
    if (r < 14) {
      return PainTaxonomy.ANESTHESIOLOGY_PAIN;
    }
    if (r < 17) {
      return PainTaxonomy.PMR_PAIN;
    }
    return r < 19 ? PainTaxonomy.PAIN_MEDICINE : PainTaxonomy.NEUROLOGY_PAIN;
  }

  /** An expiry date; about one in six falls inside the radar's {@code window} days. */
  private static LocalDate expiry(LocalDate today, Random random, int window) {
    return random.nextInt(6) == 0
        ? today.plusDays(5 + random.nextInt(window - 5))
        : today.plusDays(window + 10 + random.nextInt(900));
  }

  private static LocalDate mocDue(LocalDate today, Random random) {
    return expiry(today, random, 180);
  }

  /** Ten digits whose last is the NPI check digit ({@link Npi}); "1" then a synthetic serial. */
  static String npi(int n) {
    String nine = "1" + String.format("%08d", 38_500_000 + n * 7_919);
    for (int d = 0; d <= 9; d++) {
      if (Npi.valid(nine + d)) {
        return nine + d;
      }
    }
    throw new IllegalStateException("no NPI check digit for " + nine);
  }

  private static final List<ProcedureFamily> ADVANCED =
      List.of(
          ProcedureFamily.SPINAL_CORD_STIMULATION,
          ProcedureFamily.SPINAL_CORD_STIMULATION,
          ProcedureFamily.DRG_STIMULATION,
          ProcedureFamily.PERIPHERAL_NERVE_STIMULATION,
          ProcedureFamily.INTRATHECAL_PUMP,
          ProcedureFamily.KYPHOPLASTY,
          ProcedureFamily.BASIVERTEBRAL_NERVE_ABLATION,
          ProcedureFamily.SI_JOINT_FUSION,
          ProcedureFamily.MILD,
          ProcedureFamily.SYMPATHETIC_BLOCK);

  private static List<ProcedureFamily> advanced(Random random) {
    Set<ProcedureFamily> out = EnumSet.noneOf(ProcedureFamily.class);
    for (int i = random.nextInt(4); i > 0; i--) {
      out.add(ADVANCED.get(random.nextInt(ADVANCED.size())));
    }
    return List.copyOf(out);
  }

  /** A line of a case log: what, under which imaging, about how many a month. */
  private record Line(ProcedureFamily family, Guidance guidance, CaseRole role, int perMonth) {}

  /**
   * The last twelve months of self-reported counts (this month half counted so far): the core
   * injections and ablations and the given advanced families; a new graduate's months before August
   * of the fellowship year are supervised, and some attendings also supervise fellows.
   */
  private static List<SelfReport> caseLog(
      LocalDate today,
      Random random,
      int fellowshipYear,
      boolean core,
      List<ProcedureFamily> advanced) {
    boolean recentFellow = fellowshipYear == today.getYear();
    List<Line> lines = new ArrayList<>();
    if (core) {
      coreLines(lines, random);
    }
    addAdvanced(lines, random, advanced);
    return months(lines, today, random, recentFellow, fellowshipYear, core);
  }

  private static void coreLines(List<Line> lines, Random random) {
    lines.add(
        new Line(
            ProcedureFamily.EPIDURAL_STEROID_INJECTION,
            Guidance.FLUOROSCOPY,
            CaseRole.PRIMARY,
            8 + random.nextInt(25)));
    if (random.nextInt(5) > 0) {
      lines.add(
          new Line(
              ProcedureFamily.MEDIAL_BRANCH_BLOCK,
              Guidance.FLUOROSCOPY,
              CaseRole.PRIMARY,
              4 + random.nextInt(12)));
      lines.add(
          new Line(
              ProcedureFamily.RADIOFREQUENCY_ABLATION,
              Guidance.FLUOROSCOPY,
              CaseRole.PRIMARY,
              3 + random.nextInt(10)));
    }
  }

  private static void addAdvanced(List<Line> lines, Random random, List<ProcedureFamily> advanced) {
    for (ProcedureFamily f : advanced) {
      Guidance g =
          switch (f) {
            case PERIPHERAL_NERVE_STIMULATION -> Guidance.ULTRASOUND;
            case SYMPATHETIC_BLOCK ->
                random.nextBoolean() ? Guidance.ULTRASOUND : Guidance.FLUOROSCOPY;
            case KYPHOPLASTY -> random.nextInt(4) == 0 ? Guidance.CT : Guidance.FLUOROSCOPY;
            default -> Guidance.FLUOROSCOPY;
          };
      lines.add(new Line(f, g, CaseRole.PRIMARY, 1 + random.nextInt(4)));
    }
  }

  private static List<SelfReport> months(
      List<Line> lines,
      LocalDate today,
      Random random,
      boolean recentFellow,
      int fellowshipYear,
      boolean wholeCaseLog) {
    if (wholeCaseLog && !recentFellow && random.nextInt(6) == 0) {
      lines.add(
          new Line(
              ProcedureFamily.RADIOFREQUENCY_ABLATION,
              Guidance.FLUOROSCOPY,
              CaseRole.SUPERVISING,
              2 + random.nextInt(5)));
    }
    YearMonth thisMonth = YearMonth.from(today);
    YearMonth independent =
        recentFellow ? YearMonth.of(fellowshipYear, 8) : thisMonth.minusYears(30);
    List<SelfReport> out = new ArrayList<>();
    for (Line l : lines) {
      for (int m = 11; m >= 0; m--) {
        YearMonth month = thisMonth.minusMonths(m);
        if (random.nextInt(12) == 0) {
          continue;
        }
        int cases = Math.max(1, (l.perMonth() - 2 + random.nextInt(5)) / (m == 0 ? 2 : 1));
        boolean supervised = month.isBefore(independent);
        out.add(
            new SelfReport(
                l.family(),
                l.guidance(),
                supervised && l.role() == CaseRole.PRIMARY ? CaseRole.SUPERVISED : l.role(),
                month,
                cases,
                wholeCaseLog
                    ? "Synthetic demo case log"
                    : "Synthetic: cases at a partner hospital, outside this practice"));
      }
    }
    return out;
  }

  /** The final stages of the demo applications, in turn, so that every stage has some. */
  private static final Stage[] FINAL = {
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEW,
    Stage.ACCEPTED,
    Stage.SITE_VISIT,
    Stage.OFFER,
    Stage.DECLINED,
    Stage.APPLIED,
    Stage.SCREENING
  };

  private static final List<Stage> PATH =
      List.of(Stage.SCREENING, Stage.INTERVIEW, Stage.SITE_VISIT, Stage.OFFER, Stage.ACCEPTED);

  /**
   * Applications of the first specialists to the open postings of every demo organisation, the
   * longest-open postings first, with stage changes spread between publication and now.
   */
  private int applications(List<Long> specialists, Random random) {
    List<String> recruiters = new ArrayList<>();
    DemoEmployers.ORGS.forEach(o -> recruiters.add(o.recruiter()));
    DemoJobMarket.ORGS.forEach(o -> recruiters.add(o.recruiter()));
    LocalDate today = postings.today();
    Instant now = clock.instant();
    int count = 0;
    int next = 0;
    for (int r = 0; r < recruiters.size(); r++) {
      long recruiter = accounts.findByUsername(recruiters.get(r)).orElseThrow().id();
      List<JobPosting> open =
          postings.ofRecruiter(recruiter).stream()
              .filter(j -> j.openOn(today))
              .sorted(Comparator.comparing(JobPosting::publishedAt))
              .toList();
      int perOrg = r < DemoEmployers.ORGS.size() ? 6 : 2;
      for (int a = 0; a < perOrg && !open.isEmpty(); a++) {
        JobPosting job = open.get(a % Math.min(open.size(), 3));
        long specialist = specialists.get((next * 5 + r) % specialists.size());
        Stage last = FINAL[next % FINAL.length];
        next++;
        List<Stage> moves = new ArrayList<>();
        if (last == Stage.DECLINED) {
          moves.addAll(PATH.subList(0, 1 + random.nextInt(2)));
          moves.add(Stage.DECLINED);
        } else if (last != Stage.APPLIED) {
          moves.addAll(PATH.subList(0, PATH.indexOf(last) + 1));
        }
        Duration open1 = Duration.between(job.publishedAt(), now);
        Duration step = open1.dividedBy(moves.size() + 2);
        Instant at = job.publishedAt().plus(step.dividedBy(2));
        Instant applied = at;
        List<StageChange> changes = new ArrayList<>();
        for (Stage s : moves) {
          at = at.plus(step);
          changes.add(new StageChange(s, at, note(s)));
        }
        if (applications.forJob(specialist, job.id()).isEmpty()) {
          applications.seedSynthetic(
              specialist,
              job.id(),
              "Interested in this post; portfolio attached. (synthetic demo application)",
              applied,
              recruiter,
              changes);
          count++;
        }
      }
    }
    return count;
  }

  private static String note(Stage s) {
    return switch (s) {
      case SCREENING -> "Phone screen booked (synthetic)";
      case INTERVIEW -> "Video interview with the medical director (synthetic)";
      case SITE_VISIT -> "Site visit and case observation arranged (synthetic)";
      case OFFER -> "Offer letter sent (synthetic)";
      case ACCEPTED -> "Offer signed; credentialing started (synthetic)";
      case DECLINED -> "Not moving forward at this time (synthetic)";
      case APPLIED -> "";
    };
  }
}
