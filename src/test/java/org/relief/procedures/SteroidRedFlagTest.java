package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.RedFlag;
import org.relief.platform.RedFlagSource;
import org.relief.platform.Role;
import org.relief.procedures.NoteDetails.OperatorRole;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

@ReliefIntegrationTest
class SteroidRedFlagTest {

  @Autowired ProcedureNotes notes;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;
  @Autowired List<RedFlagSource> sources;

  private List<RedFlag> steroidFlags(long patientId) {
    return sources.stream()
        .flatMap(s -> s.redFlags(patientId).stream())
        .filter(f -> f.code().equals("steroid-exposure"))
        .toList();
  }

  private void ilesi(Patient patient, UserAccount doctor, LocalDate on, String triamcinoloneMg) {
    ProcedureNote draft =
        notes.start(
            new ProcedureNotes.Start(
                patient.id(),
                "lumbar-ilesi",
                null,
                doctor.id(),
                on,
                List.of("L4–L5"),
                Laterality.MIDLINE));
    ProcedureNote saved =
        notes.save(
            draft.id(),
            draft.version(),
            new NoteDetails(
                on,
                OperatorRole.PRIMARY,
                null,
                List.of("L4–L5"),
                Laterality.MIDLINE,
                null,
                Imaging.FLUOROSCOPY,
                new BigDecimal("12"),
                new BigDecimal("2"),
                null,
                null,
                List.of(
                    new Injectate(
                        InjectateDrug.TRIAMCINOLONE, new BigDecimal(triamcinoloneMg), null)),
                null,
                null,
                null,
                Sedation.NONE,
                null,
                Set.of(),
                null,
                7,
                4,
                null));
    notes.complete(saved.id(), saved.version(), doctor.id());
  }

  @Test
  void thePreVisitSummaryIsToldWhenSteroidExposureIsOverTheThreshold() {
    Patient patient = TestPatients.register(registry, "SRF", Sex.MALE);
    UserAccount doctor =
        accounts.create(
            new UserAccounts.NewUser(
                "srf-doc-" + System.nanoTime(),
                "Dr Steroid",
                Staff.PASSWORD,
                Set.of(Role.PAIN_PHYSICIAN)));
    LocalDate today = LocalDate.now(clock);

    ilesi(patient, doctor, today.minusMonths(5), "80");
    ilesi(patient, doctor, today.minusMonths(2), "80");
    assertThat(steroidFlags(patient.id())).as("160 mg is under 210 mg").isEmpty();

    ilesi(patient, doctor, today.minusDays(3), "80");
    assertThat(steroidFlags(patient.id()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detail()).startsWith("240 mg methylprednisolone equivalent from 3");
              assertThat(f.source()).contains("unconfirmed — confirm locally");
              assertThat(f.since()).isEqualTo(today.minusMonths(5));
            });
  }
}
