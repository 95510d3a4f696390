package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.platform.RuleViolation;

class ProcedureCatalogueTest {

  private final ProcedureCatalogue catalogue = new ProcedureCatalogue();

  @Test
  void listsEveryProcedureTypeOfTheIssueOnce() {
    assertThat(catalogue.all())
        .extracting(ProcedureType::code)
        .containsExactly(
            "lumbar-tfesi",
            "cervical-tfesi",
            "lumbar-ilesi",
            "cervical-ilesi",
            "caudal-esi",
            "lumbar-mbb",
            "cervical-mbb",
            "thoracic-mbb",
            "lumbar-rfa",
            "cervical-rfa",
            "si-joint-injection",
            "genicular-nerve-block",
            "genicular-rfa",
            "stellate-ganglion-block",
            "lumbar-sympathetic-block",
            "celiac-plexus-block",
            "peripheral-nerve-block",
            "trigger-point-injection",
            "scs-trial",
            "scs-implant",
            "drg-trial",
            "pns-implant",
            "vertebral-augmentation",
            "intrathecal-pump-implant",
            "mild-decompression");
  }

  // clinical-rules.md §1a
  @ParameterizedTest
  @CsvSource({
    "lumbar-tfesi, intermediate, true",
    "cervical-tfesi, intermediate, true",
    "lumbar-ilesi, intermediate, true",
    "cervical-ilesi, intermediate, true",
    "caudal-esi, intermediate, true",
    "lumbar-mbb, low, true",
    "cervical-mbb, intermediate, true",
    "thoracic-mbb, low, true",
    "lumbar-rfa, low, true",
    "cervical-rfa, intermediate, true",
    "si-joint-injection, low, true",
    "genicular-nerve-block, low, true",
    "genicular-rfa, low, false",
    "stellate-ganglion-block, intermediate, true",
    "lumbar-sympathetic-block, intermediate, true",
    "celiac-plexus-block, intermediate, true",
    "peripheral-nerve-block, low, true",
    "trigger-point-injection, low, true",
    "scs-trial, high, true",
    "scs-implant, high, true",
    "drg-trial, high, true",
    "pns-implant, low, true",
    "vertebral-augmentation, high, true",
    "intrathecal-pump-implant, high, true",
    "mild-decompression, high, true"
  })
  void classifiesEachProcedureByAsra2018(String code, String riskClass, boolean confirmed) {
    ProcedureType type = catalogue.require(code);

    assertThat(type.riskClass().code()).isEqualTo(riskClass);
    assertThat(type.riskSource().source()).isEqualTo("clinical-rules.md §1a");
    assertThat(type.riskSource().confirmed()).isEqualTo(confirmed);
  }

  @Test
  void givesLumbarProceduresTheLumbarInterspaces() {
    assertThat(catalogue.require("lumbar-mbb").levels().allowed())
        .containsExactly("L1–L2", "L2–L3", "L3–L4", "L4–L5", "L5–S1");
    assertThat(catalogue.require("lumbar-tfesi").levels().allows("S1")).isTrue();
    assertThat(catalogue.require("cervical-ilesi").levels().allowed())
        .startsWith("C2–C3")
        .endsWith("C7–T1");
    assertThat(catalogue.require("thoracic-mbb").levels().allowed()).endsWith("T12–L1");
    assertThat(catalogue.require("trigger-point-injection").levels().region())
        .isEqualTo(Levels.NOT_LEVEL_BASED);
  }

  @Test
  void billsFacetBlocksByFirstSecondAndFurtherLevels() {
    assertThat(catalogue.require("lumbar-mbb").cptCodes())
        .extracting(CptCode::code)
        .containsExactly("64493", "64494", "64495");
    assertThat(catalogue.require("lumbar-mbb").cptCodes().get(0).provenance().confirmed()).isTrue();
    assertThat(catalogue.require("lumbar-mbb").cptCodes().get(2).provenance().confirmed())
        .isFalse();
  }

  @Test
  void givesEveryProcedureAPurposeAFollowUpPlanAndCodesFromSection5d() {
    assertThat(catalogue.all())
        .allSatisfy(
            type -> {
              assertThat(type.purpose()).isNotNull();
              assertThat(type.followUpPlan()).isNotBlank();
              assertThat(type.cptCodes())
                  .allSatisfy(
                      code ->
                          assertThat(code.provenance().source())
                              .isEqualTo("clinical-rules.md §5d"));
            });
    assertThat(catalogue.all())
        .filteredOn(type -> type.cptCodes().isEmpty())
        .extracting(ProcedureType::code)
        .containsExactly("peripheral-nerve-block");
  }

  @Test
  void refusesAnUnknownProcedureNamingIt() {
    assertThatThrownBy(() -> catalogue.require("knee-replacement"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("Unknown procedure 'knee-replacement'");
  }
}
