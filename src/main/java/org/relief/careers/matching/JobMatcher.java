package org.relief.careers.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.Compensation;
import org.relief.careers.jobs.JobDetails;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobSite;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.jobs.ProcedureRequirement;
import org.relief.careers.jobs.Requirement;
import org.relief.careers.portfolio.FamilyVolume;
import org.relief.careers.specialists.BoardCertification;
import org.relief.careers.specialists.Licence;
import org.relief.careers.specialists.Preferences;
import org.relief.careers.specialists.RegistrationKind;
import org.relief.careers.specialists.SpecialistProfile;
import org.springframework.stereotype.Component;

/**
 * Matches a specialist to a job and explains every part (careers.md, "explainable match scores with
 * their components"). A pure function of the profile, the recent volumes, the posting, the day and
 * the settings: no score is hidden, weighted or stored.
 *
 * <p>Requirements are each procedure the posting names (required or desired, with its minimum
 * recent volume), a licence in each of its states and, when it names boards, an accepted board.
 * Recent volume is the last twelve months of the portfolio, counting cases where the specialist was
 * the attending (primary or supervising); cases done as a supervised trainee are shown but not
 * counted. A procedure named without a minimum is met by any independent case.
 */
@Component
public class JobMatcher {

  /** Boards whose certification the IMLC accepts for eligibility (ABMS or AOA). */
  private static final Set<Board> IMLC_BOARDS = Set.of(Board.ABMS, Board.AOA);

  private final MatchSettings settings;

  JobMatcher(MatchSettings settings) {
    this.settings = settings;
  }

  public Map<ProcedureFamily, BigDecimal> wrvuPerCase() {
    return settings.wrvuPerCase();
  }

  public JobMatch match(
      SpecialistProfile profile,
      Map<ProcedureFamily, FamilyVolume> recent,
      JobPosting job,
      LocalDate today) {
    JobDetails d = job.details();
    List<RequirementCheck> checks = new ArrayList<>();
    for (Requirement kind : List.of(Requirement.REQUIRED, Requirement.DESIRED)) {
      for (ProcedureRequirement p : d.procedures()) {
        if (p.requirement() == kind) {
          checks.add(
              procedure(p, recent.getOrDefault(p.procedure(), FamilyVolume.none(p.procedure()))));
        }
      }
    }
    List<StatePath> paths = new ArrayList<>();
    for (String state : states(d)) {
      StatePath path = path(profile, state, d.imlcAccepted(), today);
      paths.add(path);
      checks.add(
          new RequirementCheck(
              "Licence in " + state,
              "licence",
              path.licence() == LicencePath.LICENSED,
              path.licenceDetail()));
    }
    if (!d.acceptedBoards().isEmpty()) {
      checks.add(board(profile, d.acceptedBoards(), today));
    }
    CompensationEstimate pay = estimate(d, recent);
    List<String> notes = new ArrayList<>();
    boolean fits = fits(profile.preferences(), d, pay, notes);
    return new JobMatch(
        job, List.copyOf(checks), List.copyOf(paths), pay, fits, List.copyOf(notes));
  }

  private static RequirementCheck procedure(ProcedureRequirement p, FamilyVolume v) {
    int needed = p.minRecentVolume() == null ? 1 : p.minRecentVolume();
    boolean met = v.independent() >= needed;
    String asked =
        p.minRecentVolume() == null
            ? "asks for recent experience"
            : "needs " + p.minRecentVolume() + " in the last 12 months";
    String have =
        "you have "
            + v.independent()
            + " ("
            + v.verifiedIndependent()
            + " verified, "
            + v.selfReportedIndependent()
            + " self-reported)"
            + (v.supervised() > 0
                ? "; " + v.supervised() + " more as a supervised trainee are not counted"
                : "");
    return new RequirementCheck(
        p.procedure().label(),
        p.requirement() == Requirement.REQUIRED ? "required procedure" : "desired procedure",
        met,
        asked + "; " + have);
  }

  private StatePath path(
      SpecialistProfile profile, String state, boolean imlcAccepted, LocalDate today) {
    LicencePath licence;
    String detail;
    Optional<Licence> held =
        profile.licences().stream()
            .filter(l -> l.state().equals(state) && l.practisingOn(today))
            .findFirst();
    Set<String> imlc = settings.imlc();
    if (held.isPresent()) {
      licence = LicencePath.LICENSED;
      detail =
          "You hold "
              + state
              + " licence "
              + held.get().number()
              + (held.get().expiresOn() == null ? "" : " (expires " + held.get().expiresOn() + ")")
              + ".";
    } else {
      Optional<Licence> principal =
          profile.licences().stream()
              .filter(l -> l.practisingOn(today) && imlc.contains(l.state()))
              .sorted(
                  (a, b) ->
                      Boolean.compare(
                          !a.state().equals(profile.homeState()),
                          !b.state().equals(profile.homeState())))
              .findFirst();
      boolean boarded =
          profile.boards().stream()
              .anyMatch(b -> IMLC_BOARDS.contains(b.board()) && b.currentOn(today));
      if (imlcAccepted && imlc.contains(state) && principal.isPresent() && boarded) {
        licence = LicencePath.IMLC_ELIGIBLE;
        detail =
            "No "
                + state
                + " licence yet; the posting accepts the Interstate Medical Licensure Compact, "
                + state
                + " is a member and you hold a "
                + principal.get().state()
                + " licence and an ABMS/AOA certification (the compact also asks that "
                + principal.get().state()
                + " be your state of principal licence).";
      } else {
        licence = LicencePath.NEW_LICENCE;
        List<String> why = new ArrayList<>();
        if (!imlcAccepted) {
          why.add("the posting does not accept the compact");
        } else if (!imlc.contains(state)) {
          why.add(state + " is not in the compact list (a setting — unconfirmed, confirm locally)");
        } else {
          if (principal.isEmpty()) {
            why.add("you hold no active licence in a compact state");
          }
          if (!boarded) {
            why.add("the compact needs a current ABMS or AOA certification");
          }
        }
        detail =
            "No "
                + state
                + " licence; a full application is needed: "
                + String.join("; ", why)
                + ".";
      }
    }
    boolean dea = profile.registered(RegistrationKind.DEA, state, today);
    boolean csr = profile.registered(RegistrationKind.STATE_CS, state, today);
    String deaDetail =
        (dea
                ? "DEA registration for " + state + " held."
                : "A DEA registration for " + state + " is needed")
            + (dea ? "" : licence == LicencePath.LICENSED ? "." : " once licensed there.")
            + (csr
                ? " State controlled-substance registration held."
                : " No state controlled-substance registration recorded; check whether "
                    + state
                    + " requires one.");
    return new StatePath(state, licence, detail, dea, csr, deaDetail);
  }

  private static RequirementCheck board(
      SpecialistProfile profile, Set<Board> accepted, LocalDate today) {
    List<BoardCertification> current =
        profile.boards().stream().filter(b -> b.currentOn(today)).toList();
    Optional<BoardCertification> ok =
        current.stream().filter(b -> accepted.contains(b.board())).findFirst();
    String asks =
        "accepts " + accepted.stream().map(Board::label).collect(Collectors.joining(", "));
    String holds =
        current.isEmpty()
            ? "you hold no current certification"
            : "you hold "
                + current.stream()
                    .map(b -> b.board().label() + " in " + b.specialty())
                    .collect(Collectors.joining(", "));
    return new RequirementCheck("Board accepted", "board", ok.isPresent(), asks + "; " + holds);
  }

  private CompensationEstimate estimate(JobDetails d, Map<ProcedureFamily, FamilyVolume> recent) {
    Compensation c = d.compensation();
    List<String> notes = new ArrayList<>();
    List<WrvuPart> parts = new ArrayList<>();
    BigDecimal projected = BigDecimal.ZERO;
    for (ProcedureFamily f : ProcedureFamily.values()) {
      int cases = recent.getOrDefault(f, FamilyVolume.none(f)).independent();
      if (cases > 0) {
        BigDecimal per = settings.wrvuPerCase().getOrDefault(f, BigDecimal.ZERO);
        BigDecimal w = per.multiply(BigDecimal.valueOf(cases));
        parts.add(new WrvuPart(f, cases, per, w));
        projected = projected.add(w);
      }
    }
    int productivity = 0;
    if (c.wrvuRate() == null) {
      notes.add("The posting states no wRVU rate, so no productivity pay is estimated.");
    } else {
      int threshold = c.wrvuThreshold() == null ? 0 : c.wrvuThreshold();
      if (c.wrvuThreshold() == null) {
        notes.add("The posting states no wRVU threshold; every projected wRVU is counted.");
      }
      BigDecimal above = projected.subtract(BigDecimal.valueOf(threshold)).max(BigDecimal.ZERO);
      productivity = c.wrvuRate().multiply(above).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
    notes.add(
        "Projected wRVUs are your last 12 months of independent cases x wRVUs per case; clinic"
            + " visits and add-on levels are not in a portfolio, so this is a floor. wRVUs per case"
            + " are a setting — unconfirmed, confirm locally.");
    int call = 0;
    if (c.callPayPerNight() != null && d.callNightsPerMonth() != null) {
      call = c.callPayPerNight() * d.callNightsPerMonth() * 12;
    } else if (d.callNightsPerMonth() != null && d.callNightsPerMonth() > 0) {
      notes.add("The posting states no nightly call pay, so call pay is not in the total.");
    }
    Integer low = c.baseMin() != null ? c.baseMin() : c.baseMax();
    Integer high = c.baseMax() != null ? c.baseMax() : c.baseMin();
    Integer totalLow = null;
    Integer totalHigh = null;
    if (low != null || c.wrvuRate() != null) {
      if (low == null) {
        notes.add("The posting states no base salary; the total has none.");
      }
      totalLow = (low == null ? 0 : low) + productivity + call;
      totalHigh = (high == null ? 0 : high) + productivity + call;
    }
    return new CompensationEstimate(
        low,
        high,
        List.copyOf(parts),
        projected,
        c.wrvuThreshold(),
        c.wrvuRate(),
        productivity,
        d.callNightsPerMonth(),
        c.callPayPerNight(),
        call,
        totalLow,
        totalHigh,
        c.signOn(),
        c.relocation(),
        c.loanRepayment(),
        List.copyOf(notes));
  }

  private static boolean fits(
      Preferences p, JobDetails d, CompensationEstimate pay, List<String> notes) {
    boolean fits = true;
    Set<String> siteStates =
        d.sites().stream().map(JobSite::state).collect(Collectors.toCollection(LinkedHashSet::new));
    if (!p.states().isEmpty()) {
      List<String> inBoth = siteStates.stream().filter(p.states()::contains).toList();
      if (inBoth.isEmpty()) {
        fits = false;
        notes.add("Not in a state you chose (" + String.join(", ", p.states()) + ")");
      } else {
        notes.add("In a state you chose: " + String.join(", ", inBoth));
      }
    }
    if (!p.settings().isEmpty()) {
      if (p.settings().contains(d.setting())) {
        notes.add("A setting you consider: " + d.setting().label());
      } else {
        fits = false;
        notes.add("Not a setting you consider (" + d.setting().label() + ")");
      }
    }
    if (p.maxCallNights() != null) {
      if (d.callNightsPerMonth() == null) {
        fits = false;
        notes.add("Call not stated (your limit: " + p.maxCallNights() + " nights a month)");
      } else if (d.callNightsPerMonth() <= p.maxCallNights()) {
        notes.add(
            "Call within your limit: "
                + d.callNightsPerMonth()
                + " of "
                + p.maxCallNights()
                + " nights a month");
      } else {
        fits = false;
        notes.add(
            "More call than your limit: "
                + d.callNightsPerMonth()
                + " > "
                + p.maxCallNights()
                + " nights a month");
      }
    }
    if (p.minCompensation() != null) {
      if (pay.totalHigh() == null) {
        fits = false;
        notes.add("No compensation to compare with your minimum");
      } else if (pay.totalHigh() >= p.minCompensation()) {
        notes.add("Estimated total reaches your minimum");
      } else {
        fits = false;
        notes.add("Estimated total below your minimum");
      }
    }
    return fits;
  }

  private static List<String> states(JobDetails d) {
    LinkedHashSet<String> states = new LinkedHashSet<>(d.licenceStates());
    if (states.isEmpty()) {
      d.sites().forEach(s -> states.add(s.state()));
    }
    return List.copyOf(states);
  }
}
