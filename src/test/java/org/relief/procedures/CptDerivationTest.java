package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.procedures.CptDerivation.CodedLine;
import org.relief.procedures.CptDerivation.Facts;

class CptDerivationTest {

  private final ProcedureCatalogue catalogue = new ProcedureCatalogue();

  private List<CodedLine> derive(String type, Facts facts) {
    return CptDerivation.derive(catalogue.require(type), facts);
  }

  private static Facts levels(Imaging imaging, Laterality side, String... levels) {
    return new Facts(List.of(levels), side, imaging, null, null, null, false);
  }

  private static String summary(List<CodedLine> lines) {
    return String.join(
        " ",
        lines.stream()
            .map(
                l ->
                    l.code()
                        + "x"
                        + (l.units() == null ? "?" : l.units())
                        + (l.modifier() == null ? "" : "-" + l.modifier()))
            .toList());
  }

  @Test
  void everyCatalogueCodeHasAUnitBasis() {
    for (ProcedureType type : catalogue.all()) {
      for (CptCode code : type.cptCodes()) {
        assertThatCode(code::basis).as(code.code()).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void transforaminalInjectionCodesTheFirstLevelAndEachAdditionalOne() {
    assertThat(
            summary(derive("lumbar-tfesi", levels(Imaging.FLUOROSCOPY, Laterality.LEFT, "L4–L5"))))
        .isEqualTo("64483x1");
    assertThat(
            summary(
                derive(
                    "lumbar-tfesi",
                    levels(Imaging.FLUOROSCOPY, Laterality.LEFT, "L3–L4", "L4–L5", "L5–S1"))))
        .isEqualTo("64483x1 64484x2");
  }

  @Test
  void transforaminalInjectionWithoutImagingDerivesNoCode() {
    assertThat(derive("lumbar-tfesi", levels(Imaging.NONE, Laterality.LEFT, "L4–L5"))).isEmpty();
  }

  @Test
  void interlaminarInjectionIsOneUnitPerSessionWithOrWithoutImaging() {
    assertThat(
            summary(
                derive(
                    "lumbar-ilesi",
                    levels(Imaging.FLUOROSCOPY, Laterality.MIDLINE, "L4–L5", "L5–S1"))))
        .isEqualTo("62323x1");
    assertThat(summary(derive("lumbar-ilesi", levels(Imaging.NONE, Laterality.MIDLINE, "L4–L5"))))
        .isEqualTo("62322x1");
  }

  @Test
  void bilateralMedialBranchBlocksAtThreeLevelsCarryModifier50() {
    assertThat(
            summary(
                derive(
                    "lumbar-mbb",
                    levels(Imaging.FLUOROSCOPY, Laterality.BILATERAL, "L3–L4", "L4–L5", "L5–S1"))))
        .isEqualTo("64493x1-50 64494x1-50 64495x1-50");
  }

  @Test
  void radiofrequencyAblationCodesTheFirstJointAndEachAdditionalJoint() {
    assertThat(
            summary(
                derive(
                    "lumbar-rfa", levels(Imaging.FLUOROSCOPY, Laterality.RIGHT, "L4–L5", "L5–S1"))))
        .isEqualTo("64635x1 64636x1");
  }

  @Test
  void triggerPointsAreCodedByTheNumberOfMuscles() {
    Facts two = new Facts(List.of(), Laterality.LEFT, Imaging.NONE, null, 2, null, false);
    Facts four = new Facts(List.of(), Laterality.LEFT, Imaging.NONE, null, 4, null, false);
    assertThat(summary(derive("trigger-point-injection", two))).isEqualTo("20552x1");
    assertThat(summary(derive("trigger-point-injection", four))).isEqualTo("20553x1");
  }

  @Test
  void stimulatorImplantCodesEachLeadAndTheGeneratorAndOffersThePaddleCode() {
    Facts implant =
        new Facts(List.of(), Laterality.MIDLINE, Imaging.FLUOROSCOPY, null, null, 2, true);
    assertThat(summary(derive("scs-implant", implant))).isEqualTo("63650x2 63655x? 63685x1");
  }

  @Test
  void sympatheticBlockOnBothSidesIsTwoUnits() {
    assertThat(
            summary(
                derive(
                    "stellate-ganglion-block",
                    new Facts(
                        List.of(),
                        Laterality.BILATERAL,
                        Imaging.ULTRASOUND,
                        null,
                        null,
                        null,
                        false))))
        .isEqualTo("64510x2");
  }

  @Test
  void kyphoplastyCodesByTheRegionOfTheFirstLevel() {
    Facts thoracic =
        new Facts(
            List.of("T12", "L1"),
            Laterality.MIDLINE,
            Imaging.FLUOROSCOPY,
            "kyphoplasty",
            null,
            null,
            false);
    Facts lumbar =
        new Facts(
            List.of("L2"),
            Laterality.MIDLINE,
            Imaging.FLUOROSCOPY,
            "kyphoplasty, bipedicular",
            null,
            null,
            false);
    assertThat(summary(derive("vertebral-augmentation", thoracic))).isEqualTo("22513x1 22515x1");
    assertThat(summary(derive("vertebral-augmentation", lumbar))).isEqualTo("22514x1");
  }

  @Test
  void unconfirmedRowsSaySo() {
    assertThat(derive("lumbar-tfesi", levels(Imaging.FLUOROSCOPY, Laterality.LEFT, "L4–L5")))
        .allMatch(line -> !line.confirmed());
  }
}
