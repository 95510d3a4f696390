package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class ProcedurePagesTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void cliniciansSeeTheCatalogueWithRiskClassesAndCodes() {
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    var page = physician.get("/procedures");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("lumbar-tfesi", "scs-implant", "mild-decompression", "Plan anticoagulation");
    assertThat(page.body()).doesNotContain("Not available in this version");
  }

  @Test
  void plannerHoldsApixabanThreeDaysBeforeAHighRiskProcedure() {
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    var plan =
        physician.get(
            "/procedures/anticoagulation?procedure=scs-implant&date=2026-12-01"
                + "&medications=apixaban");
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.body()).contains("id=\"risk-class\">high<", "apixaban", "hold", "2026-11-28");
  }

  @Test
  void anUnknownDrugIsNamedAndNothingIsPlanned() {
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    var refused =
        nurse.get(
            "/procedures/anticoagulation?procedure=lumbar-tfesi&date=2026-12-01"
                + "&medications=apixiban");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("apixiban").doesNotContain("id=\"plan\"");
  }

  @Test
  void aPatientsAnticoagulantsAreFilledInAndTheReadIsAudited() {
    var p =
        registry.register(
            new PatientDetails(
                "PROC-1",
                "Planwell",
                "Pia",
                LocalDate.of(1955, 5, 5),
                Sex.FEMALE,
                null,
                null,
                null));
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    String page = "/patients/" + p.id() + "/medications";
    Map<String, String> form = new LinkedHashMap<>();
    form.put("drug", "apixaban");
    form.put("dose", "5");
    form.put("unit", "mg");
    form.put("frequency", "TIMES_PER_DAY");
    form.put("count", "2");
    form.put("startDate", LocalDate.now(clock).minusDays(30).toString());
    form.put("stopDate", "");
    assertThat(nurse.submit(page, page, form).statusCode()).isEqualTo(302);
    long readsBefore =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE object_type = 'MedicationStatement'"
                    + " AND action = 'READ'")
            .query(Long.class)
            .single();

    var planner = nurse.get("/procedures/anticoagulation?patient=" + p.id());
    assertThat(planner.statusCode()).isEqualTo(200);
    assertThat(planner.body()).contains(">apixaban</textarea>");
    long readsAfter =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE object_type = 'MedicationStatement'"
                    + " AND action = 'READ'")
            .query(Long.class)
            .single();
    assertThat(readsAfter).isGreaterThan(readsBefore);
  }

  @Test
  void recruitersAndAdministratorsCannotOpenThePages() {
    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.PRACTICE_ADMIN}) {
      Http browser = Staff.signedIn(accounts, port, role);
      assertThat(browser.get("/procedures").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(browser.get("/procedures/anticoagulation?patient=1").statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
  }
}
