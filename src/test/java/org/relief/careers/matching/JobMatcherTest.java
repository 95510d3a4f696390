package org.relief.careers.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.Compensation;
import org.relief.careers.jobs.EmploymentModel;
import org.relief.careers.jobs.FacilityAsset;
import org.relief.careers.jobs.HiringVia;
import org.relief.careers.jobs.JobDetails;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobSite;
import org.relief.careers.jobs.JobStatus;
import org.relief.careers.jobs.PainTaxonomy;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.jobs.ProcedureRequirement;
import org.relief.careers.jobs.Requirement;
import org.relief.careers.portfolio.FamilyVolume;
import org.relief.careers.specialists.BoardCertification;
import org.relief.careers.specialists.Licence;
import org.relief.careers.specialists.LicenceStatus;
import org.relief.careers.specialists.Preferences;
import org.relief.careers.specialists.Registration;
import org.relief.careers.specialists.RegistrationKind;
import org.relief.careers.specialists.SpecialistProfile;

class JobMatcherTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private final JobMatcher matcher = new JobMatcher(new MatchSettings(null, null));

  private static ProcedureRequirement req(ProcedureFamily f, Integer volume) {
    return new ProcedureRequirement(f, Requirement.REQUIRED, volume);
  }

  private static ProcedureRequirement des(ProcedureFamily f, Integer volume) {
    return new ProcedureRequirement(f, Requirement.DESIRED, volume);
  }

  static JobPosting job(
      List<String> states,
      boolean imlc,
      List<ProcedureRequirement> procedures,
      Compensation pay,
      Integer callNights) {
    List<JobSite> sites = new ArrayList<>();
    states.forEach(s -> sites.add(new JobSite("", "Town", s)));
    JobDetails d =
        new JobDetails(
            "Test job",
            "",
            PainTaxonomy.INTERVENTIONAL_PAIN,
            PracticeSetting.ASC,
            EmploymentModel.EMPLOYED,
            sites,
            states,
            imlc,
            EnumSet.of(Board.ABMS, Board.AOA),
            procedures,
            null,
            null,
            callNights,
            "",
            EnumSet.noneOf(FacilityAsset.class),
            "",
            pay,
            "",
            false,
            "",
            HiringVia.DIRECT,
            TODAY.plusDays(30),
            false);
    return new JobPosting(1, 1, "Employer", d, JobStatus.PUBLISHED, Instant.EPOCH, null, false);
  }

  private static Compensation pay(
      Integer baseMin, Integer baseMax, String rate, Integer threshold, Integer callPerNight) {
    return new Compensation(
        baseMin,
        baseMax,
        rate == null ? null : new BigDecimal(rate),
        threshold,
        "",
        "",
        callPerNight,
        25_000,
        10_000,
        null,
        "");
  }

  private static SpecialistProfile profile(
      List<Licence> licences, List<Registration> registrations, List<BoardCertification> boards) {
    return new SpecialistProfile(
        7,
        "1234567893",
        PainTaxonomy.INTERVENTIONAL_PAIN,
        "CO",
        "Fellowship",
        2019,
        TODAY.minusDays(10),
        licences,
        registrations,
        boards,
        List.of(),
        List.of(),
        new Preferences(List.of("TX"), 500_000, 4, Set.of(PracticeSetting.ASC), true));
  }

  private static Licence licence(String state) {
    return new Licence(
        1, state, state + "-1", LicenceStatus.ACTIVE, TODAY.plusYears(1), "", null, "");
  }

  private static final BoardCertification ABMS =
      new BoardCertification(
          1, Board.ABMS, "Pain Medicine", TODAY.minusYears(5), TODAY.plusYears(5), null);

  private static Map<ProcedureFamily, FamilyVolume> volumes(Object... pairs) {
    Map<ProcedureFamily, FamilyVolume> m = new EnumMap<>(ProcedureFamily.class);
    for (int i = 0; i < pairs.length; i += 3) {
      ProcedureFamily f = (ProcedureFamily) pairs[i];
      m.put(f, new FamilyVolume(f, (Integer) pairs[i + 1], (Integer) pairs[i + 2], 0, 0));
    }
    return m;
  }

  @Test
  void countsRequirementsMetAndNamesTheGaps() {
    JobPosting job =
        job(
            List.of("CO"),
            false,
            List.of(
                req(ProcedureFamily.SPINAL_CORD_STIMULATION, 25),
                req(ProcedureFamily.RADIOFREQUENCY_ABLATION, 50),
                req(ProcedureFamily.EPIDURAL_STEROID_INJECTION, null),
                req(ProcedureFamily.MEDIAL_BRANCH_BLOCK, 10),
                req(ProcedureFamily.KYPHOPLASTY, 10),
                des(ProcedureFamily.DRG_STIMULATION, 5),
                des(ProcedureFamily.SYMPATHETIC_BLOCK, null)),
            pay(400_000, 450_000, null, null, null),
            null);
    var volumes =
        volumes(
            ProcedureFamily.SPINAL_CORD_STIMULATION,
            20,
            11,
            ProcedureFamily.RADIOFREQUENCY_ABLATION,
            60,
            0,
            ProcedureFamily.EPIDURAL_STEROID_INJECTION,
            0,
            3,
            ProcedureFamily.MEDIAL_BRANCH_BLOCK,
            10,
            0,
            ProcedureFamily.KYPHOPLASTY,
            2,
            1,
            ProcedureFamily.SYMPATHETIC_BLOCK,
            4,
            0);
    JobMatch m =
        matcher.match(
            profile(List.of(licence("CO")), List.of(), List.of(ABMS)), volumes, job, TODAY);

    assertThat(m.total()).isEqualTo(9);
    assertThat(m.met()).isEqualTo(7);
    assertThat(m.summary())
        .isEqualTo(
            "meets 7 of 9 requirements — gaps: Kyphoplasty / vertebroplasty, DRG stimulation");
    assertThat(m.checks().get(0).detail())
        .isEqualTo("needs 25 in the last 12 months; you have 31 (20 verified, 11 self-reported)");
    assertThat(m.checks().get(2).detail()).startsWith("asks for recent experience; you have 3");
  }

  @Test
  void supervisedTraineeCasesAreShownButDoNotMeetAVolume() {
    JobPosting job =
        job(
            List.of("CO"),
            false,
            List.of(req(ProcedureFamily.MILD, 5)),
            pay(1, 1, null, null, null),
            null);
    Map<ProcedureFamily, FamilyVolume> v =
        Map.of(ProcedureFamily.MILD, new FamilyVolume(ProcedureFamily.MILD, 2, 0, 30, 0));
    JobMatch m =
        matcher.match(profile(List.of(licence("CO")), List.of(), List.of(ABMS)), v, job, TODAY);
    assertThat(m.checks().get(0).met()).isFalse();
    assertThat(m.checks().get(0).detail())
        .contains("30 more as a supervised trainee are not counted");
  }

  @Test
  void licencePathIsLicensedImlcEligibleOrNewLicenceWithDeaPerState() {
    JobPosting imlcJob =
        job(
            List.of("CO", "WI", "CA"),
            true,
            List.of(),
            pay(400_000, 400_000, null, null, null),
            null);
    var profile =
        profile(
            List.of(licence("CO")),
            List.of(
                new Registration(
                    1, RegistrationKind.DEA, "CO", "FD1", TODAY.plusYears(2), "", null)),
            List.of(ABMS));
    JobMatch m = matcher.match(profile, Map.of(), imlcJob, TODAY);
    assertThat(m.states())
        .extracting(StatePath::state, StatePath::licence, StatePath::deaHeld)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CO", LicencePath.LICENSED, true),
            org.assertj.core.groups.Tuple.tuple("WI", LicencePath.IMLC_ELIGIBLE, false),
            org.assertj.core.groups.Tuple.tuple("CA", LicencePath.NEW_LICENCE, false));
    assertThat(m.states().get(2).licenceDetail()).contains("CA is not in the compact list");
    assertThat(m.states().get(1).deaDetail())
        .contains("A DEA registration for WI is needed once licensed");
    assertThat(m.gaps()).containsExactly("Licence in WI", "Licence in CA");

    JobMatch noCompact =
        matcher.match(
            profile,
            Map.of(),
            job(List.of("WI"), false, List.of(), pay(1, 1, null, null, null), null),
            TODAY);
    assertThat(noCompact.states().get(0).licence()).isEqualTo(LicencePath.NEW_LICENCE);
    assertThat(noCompact.states().get(0).licenceDetail()).contains("does not accept the compact");

    JobMatch noBoard =
        matcher.match(
            profile(List.of(licence("CO")), List.of(), List.of()), Map.of(), imlcJob, TODAY);
    assertThat(noBoard.states().get(1).licence()).isEqualTo(LicencePath.NEW_LICENCE);
    assertThat(noBoard.gaps()).contains("Board accepted");
  }

  @Test
  void anExpiredLicenceOrBoardDoesNotCount() {
    Licence expired =
        new Licence(1, "CO", "CO-1", LicenceStatus.ACTIVE, TODAY.minusDays(1), "", null, "");
    BoardCertification lapsed =
        new BoardCertification(1, Board.ABMS, "Pain", null, TODAY.minusDays(1), null);
    JobMatch m =
        matcher.match(
            profile(List.of(expired), List.of(), List.of(lapsed)),
            Map.of(),
            job(List.of("CO"), false, List.of(), pay(1, 1, null, null, null), null),
            TODAY);
    assertThat(m.gaps()).containsExactly("Licence in CO", "Board accepted");
  }

  @Test
  void totalCompensationIsBasePlusRateTimesWrvusAboveThresholdPlusCallPayWithEveryPart() {
    JobPosting job =
        job(List.of("CO"), false, List.of(), pay(400_000, 450_000, "60", 500, 1_000), 3);
    // 40 SCS x 9.00 + 100 RFA x 3.32 = 360 + 332 = 692 wRVUs; 692 − 500 = 192 x $60 = $11,520.
    var volumes =
        volumes(
            ProcedureFamily.SPINAL_CORD_STIMULATION,
            30,
            10,
            ProcedureFamily.RADIOFREQUENCY_ABLATION,
            100,
            0);
    CompensationEstimate e =
        matcher
            .match(profile(List.of(licence("CO")), List.of(), List.of(ABMS)), volumes, job, TODAY)
            .compensation();
    assertThat(e.projectedWrvus()).isEqualByComparingTo("692");
    assertThat(e.wrvuParts()).extracting(WrvuPart::casesPerYear).containsExactly(100, 40);
    assertThat(e.productivityPay()).isEqualTo(11_520);
    assertThat(e.callPay()).isEqualTo(36_000);
    assertThat(e.totalLow()).isEqualTo(400_000 + 11_520 + 36_000);
    assertThat(e.totalHigh()).isEqualTo(450_000 + 11_520 + 36_000);
    assertThat(e.signOn()).isEqualTo(25_000);
    assertThat(e.notes()).anyMatch(n -> n.contains("setting — unconfirmed, confirm locally"));

    CompensationEstimate below =
        matcher
            .match(profile(List.of(), List.of(), List.of()), Map.of(), job, TODAY)
            .compensation();
    assertThat(below.productivityPay()).isZero();
    assertThat(below.totalLow()).isEqualTo(436_000);
  }

  @Test
  void missingPartsAreSaidNotGuessed() {
    CompensationEstimate e =
        matcher
            .match(
                profile(List.of(), List.of(), List.of()),
                Map.of(),
                job(List.of("CO"), false, List.of(), pay(null, null, null, null, null), 4),
                TODAY)
            .compensation();
    assertThat(e.hasTotal()).isFalse();
    assertThat(e.notes())
        .anyMatch(n -> n.contains("no wRVU rate"))
        .anyMatch(n -> n.contains("no nightly call pay"));
  }

  @Test
  void preferencesAreCheckedPartByPartForTheSpecialistOnly() {
    var p = profile(List.of(licence("CO")), List.of(), List.of(ABMS));
    JobMatch texas =
        matcher.match(
            p,
            Map.of(),
            job(List.of("TX"), false, List.of(), pay(520_000, 520_000, null, null, null), 2),
            TODAY);
    assertThat(texas.fitsPreferences()).isTrue();
    assertThat(texas.preferenceNotes())
        .containsExactly(
            "In a state you chose: TX",
            "A setting you consider: Ambulatory surgery center",
            "Call within your limit: 2 of 4 nights a month",
            "Estimated total reaches your minimum");
    JobMatch colorado =
        matcher.match(
            p,
            Map.of(),
            job(List.of("CO"), false, List.of(), pay(420_000, 420_000, null, null, null), 6),
            TODAY);
    assertThat(colorado.fitsPreferences()).isFalse();
    assertThat(colorado.preferenceNotes())
        .contains(
            "Not in a state you chose (TX)", "More call than your limit: 6 > 4 nights a month");
  }
}
