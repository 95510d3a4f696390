package org.relief.procedures.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.procedures.Imaging;
import org.relief.procedures.Laterality;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.support.FhirValidation;

class ProcedureMapperTest {

  final ProcedureCatalogue catalogue = new ProcedureCatalogue();

  StoredProcedure.Performed performed(
      String type, List<String> levels, Laterality side, Imaging imaging) {
    return new StoredProcedure.Performed(
        7,
        3,
        type,
        LocalDate.of(2026, 11, 2),
        5,
        levels,
        side,
        imaging,
        null,
        null,
        null,
        false,
        Instant.parse("2026-11-02T15:00:00Z"));
  }

  @Test
  void aBilateralCervicalRfaNamesRegionLevelsAndBothSidesValidly() {
    Procedure p =
        ProcedureMapper.toFhir(
            performed("cervical-rfa", List.of("C5–C6"), Laterality.BILATERAL, Imaging.FLUOROSCOPY),
            catalogue.require("cervical-rfa"));
    assertThat(p.getBodySiteFirstRep().hasCoding(ProcedureMapper.SNOMED, "122494005")).isTrue();
    assertThat(p.getBodySite().get(1).getText()).isEqualTo("C5–C6");
    BodyStructure site = (BodyStructure) p.getContained().get(0);
    assertThat(site.getLocationQualifierFirstRep().hasCoding(ProcedureMapper.SNOMED, "51440002"))
        .isTrue();
    assertThat(p.getExtensionByUrl(ProcedureMapper.TARGET_BODY_STRUCTURE)).isNotNull();
    assertThat(p.getCode().hasCoding(ProcedureMapper.CPT, "64633")).isTrue();
    assertThat(FhirValidation.errors(FhirClients.json(p))).isEmpty();
  }

  @Test
  void aProcedureWithoutImagingCarriesNoImagingCptCodeAndNoSideWhenNotApplicable() {
    Procedure p =
        ProcedureMapper.toFhir(
            performed("lumbar-tfesi", List.of("L4–L5"), Laterality.NOT_APPLICABLE, null),
            catalogue.require("lumbar-tfesi"));
    assertThat(p.getCode().getCoding()).noneMatch(c -> ProcedureMapper.CPT.equals(c.getSystem()));
    assertThat(p.getCode().hasCoding(ProcedureMapper.CATALOGUE, "lumbar-tfesi")).isTrue();
    assertThat(p.getContained()).isEmpty();
    assertThat(FhirValidation.errors(FhirClients.json(p))).isEmpty();
  }

  @Test
  void aTriggerPointInjectionHasNoSpinalSiteButKeepsItsSide() {
    Procedure p =
        ProcedureMapper.toFhir(
            performed("trigger-point-injection", List.of(), Laterality.RIGHT, Imaging.NONE),
            catalogue.require("trigger-point-injection"));
    assertThat(p.getBodySite()).isEmpty();
    BodyStructure site = (BodyStructure) p.getContained().get(0);
    assertThat(site.getLocationQualifierFirstRep().hasCoding(ProcedureMapper.SNOMED, "24028007"))
        .isTrue();
    assertThat(FhirValidation.errors(FhirClients.json(p))).isEmpty();
  }
}
