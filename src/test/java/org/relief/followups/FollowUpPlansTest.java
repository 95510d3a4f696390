package org.relief.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.followups.plans.FollowUpPlan;
import org.relief.followups.plans.FollowUpPlans;
import org.relief.followups.plans.PlanPoint;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class FollowUpPlansTest {

  @Autowired FollowUpPlans plans;
  @Autowired ProcedureCatalogue catalogue;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;
  @LocalServerPort int port;

  private LocalDate today() {
    return LocalDate.now(clock.withZone(java.time.ZoneId.of("America/New_York")));
  }

  @Test
  void everyPlanTheCatalogueNamesHasADefaultVersionInForce() {
    for (ProcedureType type : catalogue.all()) {
      assertThat(plans.inForce(type.followUpPlan(), LocalDate.of(2020, 1, 1)))
          .as(type.followUpPlan())
          .isPresent();
    }
  }

  @Test
  void theDefaultRfaPlanCallsNextDayAndAsksNrsPgicThenNrsAndDisability() {
    FollowUpPlan rfa = plans.inForce("radiofrequency-ablation", today()).orElseThrow();
    assertThat(rfa.points())
        .extracting(PlanPoint::line)
        .containsExactly(
            "P1D call ±1",
            "P2W questionnaire nrs pgic ±3",
            "P6W questionnaire nrs pgic ±3",
            "P3M questionnaire nrs disability ±7",
            "P6M questionnaire nrs disability ±14",
            "P12M questionnaire nrs disability ±30");
  }

  @Test
  void aNewVersionTakesEffectOnItsDateAndLeavesEarlierDaysAsTheyWere() {
    LocalDate from = today().plusDays(30);
    plans.addVersion(
        "nerve-block",
        from,
        "P2W questionnaire nrs pgic ±5\nP1D call +-1\n\nP3M questionnaire nrs odi ±7");

    assertThat(plans.inForce("nerve-block", from.minusDays(1)).orElseThrow().points())
        .extracting(PlanPoint::timepoint)
        .containsExactly("P1D", "P2W", "P6W");
    FollowUpPlan next = plans.inForce("nerve-block", from).orElseThrow();
    assertThat(next.effectiveFrom()).isEqualTo(from);
    assertThat(next.text())
        .isEqualTo("P1D call ±1\nP2W questionnaire nrs pgic ±5\nP3M questionnaire nrs odi ±7");
  }

  @Test
  void refusesPlansThatCannotBeFollowed() {
    LocalDate later = today().plusDays(3);
    assertThatThrownBy(() -> plans.addVersion("joint-injection", later, "P2W questionnaire ±3"))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("Line 1: a questionnaire needs at least one instrument.");
    assertThatThrownBy(() -> plans.addVersion("joint-injection", later, "2 weeks call ±3"))
        .hasMessageContaining("is not a period");
    assertThatThrownBy(
            () ->
                plans.addVersion("joint-injection", later, "P1D call ±1\nP2W questionnaire xyz ±3"))
        .hasMessage("Line 2: \"xyz\" is not an instrument code (nrs, pgic, odi, ndi, ...).");
    assertThatThrownBy(() -> plans.addVersion("joint-injection", later, "P2W call nrs ±3"))
        .hasMessageContaining("leave the instruments out");
    assertThatThrownBy(() -> plans.addVersion("joint-injection", later, "P2W call ±90"))
        .hasMessageContaining("wider than");
    assertThatThrownBy(() -> plans.addVersion("joint-injection", later, "P2W call ±1\nP2W call ±2"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> plans.addVersion("joint-injection", later, " "))
        .hasMessageContaining("at least one time point");
    assertThatThrownBy(
            () -> plans.addVersion("joint-injection", today().minusDays(1), "P1D call ±1"))
        .hasMessageContaining("has passed");
    assertThat(plans.versions("joint-injection")).hasSize(1);
  }

  @Test
  void anAdministratorEditsAPlanInTheBrowserAndABadLineKeepsWhatWasTyped() {
    Http admin = Staff.signedIn(accounts, port, Role.PRACTICE_ADMIN);
    String page = "/followups/plans/trigger-point-injection";
    assertThat(admin.get("/followups/plans").body()).contains("trigger-point-injection");

    var bad =
        admin.submit(
            page,
            page,
            Map.of("effectiveFrom", today().plusDays(7).toString(), "points", "P9X call ±1"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("is not a period").contains("P9X call ±1");

    var good =
        admin.submit(
            page,
            page,
            Map.of(
                "effectiveFrom",
                today().plusDays(7).toString(),
                "points",
                "P1D call ±1\nP2W questionnaire nrs pgic ±4"));
    assertThat(good.statusCode()).isEqualTo(302);
    assertThat(plans.versions("trigger-point-injection")).hasSize(2);
  }

  @Test
  void aNurseReadsPlansButCannotEditThemAndOtherRolesCannotOpenThem() {
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    String page = "/followups/plans/sympathetic-block";
    assertThat(nurse.get(page).statusCode()).isEqualTo(200);
    assertThat(nurse.get(page).body()).doesNotContain("Save new version");
    assertThat(
            nurse
                .submit(
                    "/account/security",
                    page,
                    Map.of(
                        "effectiveFrom", today().plusDays(9).toString(), "points", "P1D call ±1"))
                .statusCode())
        .isEqualTo(403);
    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.FRONT_DESK, Role.SURGEON}) {
      assertThat(Staff.signedIn(accounts, port, role).get(page).statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(plans.versions("sympathetic-block")).hasSize(1);
  }
}
