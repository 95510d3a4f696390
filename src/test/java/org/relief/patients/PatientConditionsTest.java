package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@ReliefIntegrationTest
class PatientConditionsTest {

  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired PatientConditions conditions;

  @Test
  void otherModulesReadTheProblemListWithCodesAndState() {
    Patient p =
        registry.register(
            new PatientDetails(
                "PC-" + System.nanoTime() % 1_000_000,
                "Conde",
                "Cora",
                LocalDate.of(1970, 1, 2),
                Sex.FEMALE,
                null,
                null,
                "en"));
    var radiculopathy =
        diagnoses.add(
            p.id(),
            "M54.16",
            DiagnosisRank.PRIMARY,
            DiagnosisStatus.ACTIVE,
            LocalDate.of(2024, 3, 1));
    var spondylosis =
        diagnoses.add(p.id(), "M47.816", DiagnosisRank.SECONDARY, DiagnosisStatus.ACTIVE, null);
    diagnoses.change(p.id(), spondylosis.id(), DiagnosisRank.SECONDARY, DiagnosisStatus.RESOLVED);

    assertThat(conditions.of(p.id()))
        .extracting(PatientConditions.Condition::code)
        .containsExactlyInAnyOrder("M54.16", "M47.816");
    assertThat(conditions.active(p.id()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(radiculopathy.id());
              assertThat(c.primary()).isTrue();
              assertThat(c.onsetDate()).isEqualTo(LocalDate.of(2024, 3, 1));
              assertThat(c.underAny(List.of("M54.1", "M51"))).isTrue();
              assertThat(c.underAny(List.of("E11"))).isFalse();
            });
  }
}
