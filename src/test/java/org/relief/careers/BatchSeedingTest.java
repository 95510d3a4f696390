package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.careers.CareersFixtures.Recruiter;
import org.relief.careers.applications.Applications;
import org.relief.careers.applications.Applications.StageChange;
import org.relief.careers.applications.Stage;
import org.relief.careers.employers.Employers;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.PainTaxonomy;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.portfolio.CaseRole;
import org.relief.careers.portfolio.Guidance;
import org.relief.careers.portfolio.Portfolios;
import org.relief.careers.portfolio.Portfolios.SelfReport;
import org.relief.careers.specialists.BoardCertification;
import org.relief.careers.specialists.CmeCategory;
import org.relief.careers.specialists.CmeCredit;
import org.relief.careers.specialists.CmeRequirement;
import org.relief.careers.specialists.Licence;
import org.relief.careers.specialists.LicenceStatus;
import org.relief.careers.specialists.Preferences;
import org.relief.careers.specialists.Registration;
import org.relief.careers.specialists.RegistrationKind;
import org.relief.careers.specialists.SpecialistProfile;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The batch methods the synthetic demo seeds with keep the checks of their one-by-one twins. */
@ReliefIntegrationTest
class BatchSeedingTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired SpecialistProfiles profiles;
  @Autowired Portfolios portfolios;
  @Autowired Applications applications;
  @Autowired JobPostings postings;
  @Autowired MutableClock clock;

  private long specialist() {
    String username = "batch-" + System.nanoTime() % 10_000_000;
    UserAccount a =
        accounts.create(
            new UserAccounts.NewUser(
                username, "Dr Batch " + username, "a-long-enough-pass", Set.of(Role.SPECIALIST)));
    return a.id();
  }

  private static String npi(long seed) {
    String nine = String.format("1%08d", seed % 100_000_000);
    for (int d = 0; d < 10; d++) {
      if (org.relief.careers.specialists.Npi.valid(nine + d)) {
        return nine + d;
      }
    }
    throw new IllegalStateException();
  }

  private SpecialistProfile wallet(long id, String npi, LocalDate verifiedAt) {
    LocalDate today = profiles.today();
    return new SpecialistProfile(
        id,
        npi,
        PainTaxonomy.INTERVENTIONAL_PAIN,
        "OH",
        "Pain Medicine Fellowship, Batch University",
        2015,
        today.minusDays(30),
        List.of(
            new Licence(
                0,
                "OH",
                "OH-1",
                LicenceStatus.ACTIVE,
                today.plusDays(40),
                "Board lookup",
                verifiedAt,
                "Board")),
        List.of(
            new Registration(
                0, RegistrationKind.DEA, "OH", "FB1234567", today.plusDays(400), "", null)),
        List.of(
            new BoardCertification(
                0, Board.ABMS, "Anesthesiology", LocalDate.of(2014, 7, 1), null, today)),
        List.of(
            new CmeCredit(
                0, CmeCategory.AMA_PRA_1, null, BigDecimal.TEN, today.minusDays(3), "Course")),
        List.of(
            new CmeRequirement(
                0,
                "OH",
                CmeCategory.AMA_PRA_1,
                BigDecimal.valueOf(50),
                today.minusYears(1),
                today.plusYears(1))),
        new Preferences(List.of("OH"), 400_000, 2, Set.of(PracticeSetting.ASC), true));
  }

  @Test
  void aWholeWalletIsFilledAtOnceWithTheChecksOfEachRow() {
    long id = specialist();
    String npi = npi(System.nanoTime());
    SpecialistProfile filled = profiles.fill(id, wallet(id, npi, profiles.today()));
    assertThat(filled.npi()).isEqualTo(npi);
    assertThat(filled.licences())
        .singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo("OH"));
    assertThat(filled.registrations()).hasSize(1);
    assertThat(filled.boards()).hasSize(1);
    assertThat(filled.cme()).hasSize(1);
    assertThat(filled.cmeRequirements()).hasSize(1);
    assertThat(filled.preferences().allowContact()).isTrue();

    long other = specialist();
    assertThatThrownBy(() -> profiles.fill(other, wallet(other, npi, profiles.today())))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("already has the NPI");
    assertThatThrownBy(
            () ->
                profiles.fill(
                    other, wallet(other, npi(System.nanoTime() + 7), profiles.today().plusDays(2))))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("cannot be later than today");
    assertThat(profiles.own(other).licences()).as("nothing saved when a row is refused").isEmpty();
    assertThat(profiles.own(other).npi()).isNull();
  }

  @Test
  void selfReportedCountsAddedTogetherAreAllRefusedWhenOneIsWrong() {
    long id = specialist();
    YearMonth now = portfolios.thisMonth();
    assertThat(
            portfolios.addSelfReported(
                id,
                List.of(
                    new SelfReport(
                        ProcedureFamily.MILD, Guidance.FLUOROSCOPY, CaseRole.PRIMARY, now, 3, ""),
                    new SelfReport(
                        ProcedureFamily.MILD,
                        Guidance.FLUOROSCOPY,
                        CaseRole.PRIMARY,
                        now.minusMonths(1),
                        4,
                        "n"))))
        .isEqualTo(2);
    assertThat(portfolios.selfReported(id)).hasSize(2);
    for (SelfReport bad :
        List.of(
            new SelfReport(
                ProcedureFamily.MILD,
                Guidance.FLUOROSCOPY,
                CaseRole.PRIMARY,
                now.plusMonths(1),
                1,
                ""),
            new SelfReport(
                ProcedureFamily.MILD, Guidance.FLUOROSCOPY, CaseRole.PRIMARY, now, 0, ""),
            new SelfReport(null, Guidance.FLUOROSCOPY, CaseRole.PRIMARY, now, 1, ""))) {
      assertThatThrownBy(
              () ->
                  portfolios.addSelfReported(
                      id,
                      List.of(
                          new SelfReport(
                              ProcedureFamily.KYPHOPLASTY,
                              Guidance.CT,
                              CaseRole.PRIMARY,
                              now,
                              2,
                              ""),
                          bad)))
          .isInstanceOf(RuleViolation.class);
    }
    assertThat(portfolios.selfReported(id)).hasSize(2);
  }

  @Test
  void aSeededApplicationKeepsItsPastStageTimesAndThePipelineOrder() {
    Instant start = clock.instant();
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    Recruiter other = CareersFixtures.recruiter(accounts, employers, port);
    long job = CareersFixtures.publish(r, CareersFixtures.posting("Seeded — Ohio", "OH", clock));
    try {
      clock.advance(Duration.ofDays(20));
      Instant published = postings.publicPosting(job).publishedAt();
      long s = specialist();
      assertThatThrownBy(
              () ->
                  applications.seedSynthetic(
                      s, job, "", published.plusSeconds(60), other.account().id(), List.of()))
          .isInstanceOf(NotFound.class);
      assertThatThrownBy(
              () ->
                  applications.seedSynthetic(
                      s,
                      job,
                      "",
                      published.plusSeconds(60),
                      r.account().id(),
                      List.of(new StageChange(Stage.OFFER, published.plusSeconds(120), ""))))
          .isInstanceOf(RuleViolation.class)
          .hasMessageContaining("cannot move there");
      assertThatThrownBy(
              () ->
                  applications.seedSynthetic(
                      s,
                      job,
                      "",
                      published.plusSeconds(600),
                      r.account().id(),
                      List.of(new StageChange(Stage.SCREENING, published.plusSeconds(60), ""))))
          .isInstanceOf(RuleViolation.class);
      assertThat(applications.forJob(s, job)).isEmpty();

      Instant applied = published.plus(Duration.ofDays(2));
      var a =
          applications.seedSynthetic(
              s,
              job,
              "synthetic",
              applied,
              r.account().id(),
              List.of(
                  new StageChange(Stage.SCREENING, applied.plus(Duration.ofDays(3)), "screen"),
                  new StageChange(Stage.DECLINED, applied.plus(Duration.ofDays(5)), "no")));
      assertThat(a.stage()).isEqualTo(Stage.DECLINED);
      assertThat(a.appliedAt()).isEqualTo(applied);
      assertThat(applications.history(a.id()))
          .extracting(e -> e.stage())
          .containsExactly(Stage.APPLIED, Stage.SCREENING, Stage.DECLINED);
      assertThat(applications.timeToFill(r.account().id()).averageDaysInStage())
          .containsEntry(Stage.APPLIED, 3.0)
          .containsEntry(Stage.SCREENING, 2.0);
    } finally {
      clock.set(start);
    }
  }
}
