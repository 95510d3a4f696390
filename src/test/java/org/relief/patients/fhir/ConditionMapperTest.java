package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;

class ConditionMapperTest {

  static Condition coded(String system, String code) {
    return new Condition().setCode(new CodeableConcept().addCoding(new Coding(system, code, null)));
  }

  @Test
  void prefersAnIcd10CodeAndTranslatesKnownSnomedPainFindings() {
    assertThat(ConditionMapper.icd10(coded(ConditionMapper.ICD10CM, "M54.16"))).hasValue("M54.16");
    assertThat(ConditionMapper.icd10(coded(ConditionMapper.SNOMED, "278860009")))
        .hasValue("M54.50");
    assertThat(ConditionMapper.icd10(coded(ConditionMapper.SNOMED, "44054006"))).isEmpty();
  }

  @Test
  void readsStatusFromClinicalAndVerificationStatus() {
    Condition refuted = coded(ConditionMapper.ICD10CM, "M54.2");
    refuted.setVerificationStatus(
        new CodeableConcept().addCoding(new Coding(ConditionMapper.VERIFICATION, "refuted", null)));
    assertThat(ConditionMapper.status(refuted)).isEqualTo(DiagnosisStatus.RULED_OUT);
    Condition resolved = coded(ConditionMapper.ICD10CM, "M54.2");
    resolved.setClinicalStatus(
        new CodeableConcept().addCoding(new Coding(ConditionMapper.CLINICAL, "resolved", null)));
    assertThat(ConditionMapper.status(resolved)).isEqualTo(DiagnosisStatus.RESOLVED);
    assertThat(ConditionMapper.status(coded(ConditionMapper.ICD10CM, "M54.2")))
        .isEqualTo(DiagnosisStatus.ACTIVE);
  }

  @Test
  void isSecondaryUnlessMarkedPrimary() {
    Condition c = coded(ConditionMapper.ICD10CM, "M54.2");
    assertThat(ConditionMapper.rank(c)).isEqualTo(DiagnosisRank.SECONDARY);
    c.addCategory(
        new CodeableConcept().addCoding(new Coding(ConditionMapper.RANK, "primary", null)));
    assertThat(ConditionMapper.rank(c)).isEqualTo(DiagnosisRank.PRIMARY);
  }
}
