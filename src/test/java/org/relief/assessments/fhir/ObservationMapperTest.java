package org.relief.assessments.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.relief.assessments.fhir.ObservationMapper.ScoredResult;
import org.relief.fhir.FhirClients;
import org.relief.support.FhirValidation;

class ObservationMapperTest {

  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void codesEachConfirmedInstrumentWithItsLoincFromClinicalRules() {
    assertThat(ObservationMapper.loincOf("nrs")).hasValue("72514-3");
    assertThat(ObservationMapper.loincOf("odi")).hasValue("97908-8");
    assertThat(ObservationMapper.loincOf("ndi")).hasValue("82226-2");
    assertThat(ObservationMapper.loincOf("peg")).hasValue("91147-9");
    assertThat(ObservationMapper.loincOf("phq9")).hasValue("44261-6");
    assertThat(ObservationMapper.loincOf("gad7")).hasValue("70274-6");
    assertThat(ObservationMapper.loincOf("startback")).hasValue("91351-7");
  }

  @Test
  void leavesUnconfirmedOrConflictingCodesOut() {
    assertThat(ObservationMapper.loincOf("bpi-sf")).isEmpty();
    assertThat(ObservationMapper.loincOf("promis-pi-4a")).isEmpty();
    assertThat(ObservationMapper.loincOf("pcs")).isEmpty();
    assertThat(ObservationMapper.loincOf("dn4")).isEmpty();
    assertThat(ObservationMapper.loincOf("pgic")).isEmpty();
    assertThat(ObservationMapper.loincOf("ort")).isEmpty();
  }

  @Test
  void findsTheInstrumentOfALoincCode() {
    assertThat(ObservationMapper.instrumentOfLoinc("72514-3")).hasValue("nrs");
    assertThat(ObservationMapper.instrumentOfLoinc("77565-0")).hasValue("bpi-sf");
    assertThat(ObservationMapper.instrumentOfLoinc("8867-4")).isEmpty();
  }

  @Test
  void aScoreWithoutLoincStillCarriesReliefsInstrumentCodeAndIsValid() {
    var o =
        ObservationMapper.toFhir(
            new ScoredResult(9, 3, "pcs", "PCS", AT, 31.0, null, Map.of("rumination", 12.0)));
    assertThat(o.getCode().getCoding())
        .extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ObservationMapper.INSTRUMENTS, "pcs"));
    assertThat(o.getComponentFirstRep().getCode().getCodingFirstRep().getCode())
        .isEqualTo("pcs.rumination");
    assertThat(FhirValidation.errors(FhirClients.json(o))).isEmpty();
  }

  @Test
  void aScoreThatCouldNotBeComputedSaysWhyItIsAbsent() {
    var o =
        ObservationMapper.toFhir(new ScoredResult(9, 3, "phq9", "PHQ-9", AT, null, null, Map.of()));
    assertThat(o.hasValue()).isFalse();
    assertThat(o.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("not-a-number");
    assertThat(FhirValidation.errors(FhirClients.json(o))).isEmpty();
  }
}
