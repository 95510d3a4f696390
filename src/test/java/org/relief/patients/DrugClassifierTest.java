package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relief.patients.medications.BleedingRiskDrug;
import org.relief.platform.RuleViolation;

class DrugClassifierTest {

  private final DrugClassifier classifier = new DrugClassifier(new DrugClassSettings(List.of()));

  /** Every drug named in clinical-rules.md §1b, with its row's status mark. */
  @ParameterizedTest(name = "{0} is {1} ({3})")
  @CsvSource({
    "aspirin,       ASPIRIN,                         §1b, S,     true",
    "cilostazol,    PHOSPHODIESTERASE_INHIBITOR,     §1b, S,     true",
    "dipyridamole,  PHOSPHODIESTERASE_INHIBITOR,     §1b, S / U, false",
    "warfarin,      VITAMIN_K_ANTAGONIST,            §1b, S,     true",
    "acenocoumarol, VITAMIN_K_ANTAGONIST,            §1b, S,     true",
    "heparin,       UNFRACTIONATED_HEPARIN,          §1b, S,     true",
    "enoxaparin,    LOW_MOLECULAR_WEIGHT_HEPARIN,    §1b, S,     true",
    "dalteparin,    LOW_MOLECULAR_WEIGHT_HEPARIN,    §1b, S,     true",
    "fondaparinux,  INDIRECT_FACTOR_XA_INHIBITOR,    §1b, S / U, false",
    "dabigatran,    DIRECT_THROMBIN_INHIBITOR,       §1b, S / U, false",
    "rivaroxaban,   DOAC_FACTOR_XA_INHIBITOR,        §1b, S / U, false",
    "apixaban,      DOAC_FACTOR_XA_INHIBITOR,        §1b, S / U, false",
    "edoxaban,      DOAC_FACTOR_XA_INHIBITOR,        §1b, S / U, false",
    "clopidogrel,   P2Y12_INHIBITOR,                 §1b, U,     false",
    "prasugrel,     P2Y12_INHIBITOR,                 §1b, U,     false",
    "ticagrelor,    P2Y12_INHIBITOR,                 §1b, U,     false",
    "cangrelor,     P2Y12_INHIBITOR,                 §1b, S / U, false",
    "abciximab,     GLYCOPROTEIN_IIB_IIIA_INHIBITOR, §1b, U,     false",
    "eptifibatide,  GLYCOPROTEIN_IIB_IIIA_INHIBITOR, §1b, U,     false",
    "tirofiban,     GLYCOPROTEIN_IIB_IIIA_INHIBITOR, §1b, U,     false",
    "fish-oil,      DIETARY_SUPPLEMENT,              §1b, U,     false",
    "garlic,        DIETARY_SUPPLEMENT,              §1b, U,     false",
    "ginkgo,        DIETARY_SUPPLEMENT,              §1b, U,     false",
    "ginseng,       DIETARY_SUPPLEMENT,              §1b, U,     false",
    "vitamin-e,     DIETARY_SUPPLEMENT,              §1b, U,     false",
  })
  void classifiesEachDrugOfSection1b(
      String drug, DrugClass expected, String section, String status, boolean confirmed) {
    DrugClassification classification = classifier.classify(drug);

    assertThat(classification.drug()).isEqualTo(drug);
    assertThat(classification.drugClass()).isEqualTo(expected);
    assertThat(classification.known()).isTrue();
    assertThat(classification.nsaidHalfLife()).isNull();
    assertThat(classification.provenance().source()).isEqualTo("clinical-rules.md " + section);
    assertThat(classification.provenance().status()).isEqualTo(status);
    assertThat(classification.provenance().confirmed()).isEqualTo(confirmed);
    assertThat(classification.provenance().note())
        .isEqualTo(confirmed ? null : "unconfirmed — confirm locally");
  }

  /** Every NSAID of clinical-rules.md §1c, grouped by half-life as the table groups them. */
  @ParameterizedTest(name = "{0} is an NSAID with a {1} half-life")
  @CsvSource({
    "diclofenac,   SHORT",
    "ketorolac,    SHORT",
    "ibuprofen,    SHORT",
    "etodolac,     INTERMEDIATE",
    "indomethacin, INTERMEDIATE",
    "naproxen,     LONG",
    "meloxicam,    LONG",
    "nabumetone,   VERY_LONG",
    "oxaprozin,    EXTRA_LONG",
    "piroxicam,    EXTRA_LONG",
  })
  void classifiesEachNsaidOfSection1cWithItsHalfLifeGroup(String drug, NsaidHalfLife halfLife) {
    DrugClassification classification = classifier.classify(drug);

    assertThat(classification.drugClass()).isEqualTo(DrugClass.NSAID);
    assertThat(classification.nsaidHalfLife()).isEqualTo(halfLife);
    assertThat(classification.provenance().source()).isEqualTo("clinical-rules.md §1c");
    assertThat(classification.provenance().status()).isEqualTo("S");
    assertThat(classification.provenance().confirmed()).isTrue();
  }

  @Test
  void classifiesCelecoxibAsCox2SelectiveMarkedUnconfirmed() {
    DrugClassification classification = classifier.classify("celecoxib");

    assertThat(classification.drugClass()).isEqualTo(DrugClass.COX2_SELECTIVE_NSAID);
    assertThat(classification.nsaidHalfLife()).isNull();
    assertThat(classification.provenance().status()).isEqualTo("U");
    assertThat(classification.provenance().confirmed()).isFalse();
    assertThat(classification.provenance().note()).isEqualTo("unconfirmed — confirm locally");
  }

  @Test
  void everyDrugOfTheTableIsCoveredByTheTestsAbove() {
    assertThat(BleedingRiskDrug.values()).hasSize(25 + 10 + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metformin", "oxycodone", "sertraline", "warfarine", "eliquis"})
  void answersDrugsItDoesNotKnowAsNotKnownRatherThanFailing(String drug) {
    DrugClassification classification = classifier.classify(drug);

    assertThat(classification.drugClass()).isEqualTo(DrugClass.NOT_KNOWN);
    assertThat(classification.known()).isFalse();
    assertThat(classification.drugClass().label())
        .isEqualTo("not an anticoagulant or antiplatelet known to Relief");
    assertThat(classification.provenance().confirmed()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "Warfarin,               warfarin",
    "'  APIXABAN ',          apixaban",
    "Vitamin E,              vitamin-e",
    "fish_oil,               fish-oil",
    "acetylsalicylic acid,   aspirin",
    "unfractionated heparin, heparin",
  })
  void recognisesCaseSpacingAndCommonSynonyms(String typed, String drug) {
    assertThat(classifier.classify(typed).drug()).isEqualTo(drug);
    assertThat(classifier.classify(typed).known()).isTrue();
  }

  @Test
  void refusesABlankName() {
    assertThatThrownBy(() -> classifier.classify(" "))
        .isInstanceOfSatisfying(
            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("drug-missing"));
  }

  @Test
  void showsAnUnconfirmedRowAsConfirmedOnceThePracticeHasConfirmedIt() {
    var confirming = new DrugClassifier(new DrugClassSettings(List.of("Clopidogrel", "apixaban")));

    Provenance clopidogrel = confirming.classify("clopidogrel").provenance();
    assertThat(clopidogrel.confirmed()).isTrue();
    assertThat(clopidogrel.status()).isEqualTo("U");
    assertThat(clopidogrel.note())
        .isEqualTo("confirmed locally (relief.patients.drug-classes.locally-confirmed)");
    assertThat(confirming.classify("prasugrel").provenance().confirmed()).isFalse();
    assertThat(confirming.classify("warfarin").provenance().note()).isNull();
  }

  @Test
  void refusesToConfirmADrugThatIsNotInTheTable() {
    assertThatThrownBy(() -> new DrugClassifier(new DrugClassSettings(List.of("clopidogrl"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'clopidogrl'");
  }

  @Test
  void classifiesSeveralDrugsInOrder() {
    assertThat(classifier.classifyAll(List.of("ibuprofen", "metformin", "rivaroxaban")))
        .extracting(DrugClassification::drugClass)
        .containsExactly(DrugClass.NSAID, DrugClass.NOT_KNOWN, DrugClass.DOAC_FACTOR_XA_INHIBITOR);
  }

  @Test
  void everyClassHasALabel() {
    assertThat(Arrays.stream(DrugClass.values()).map(DrugClass::label)).doesNotContainNull();
  }
}
