package org.relief.patients.medications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.relief.patients.DrugClass;
import org.relief.patients.NsaidHalfLife;
import org.relief.patients.Provenance;

/**
 * The drugs named in the ASRA 2018 tables (clinical-rules.md §1b, §1c), each with its class and the
 * status mark of its row. The marks concern the rows' intervals, but a row marked U is shown as
 * unconfirmed everywhere it is used, classification included, so that nothing from it passes as
 * settled until the practice confirms it.
 *
 * <p>SSRIs and SNRIs are not here: §1b names the group but no drugs ("drug-specific list not
 * recovered").
 */
public enum BleedingRiskDrug {
  // clinical-rules.md §1b: aspirin rows (primary and secondary prophylaxis), both S
  ASPIRIN("aspirin", DrugClass.ASPIRIN, "§1b", "S", "acetylsalicylic-acid"),
  // clinical-rules.md §1b
  CILOSTAZOL("cilostazol", DrugClass.PHOSPHODIESTERASE_INHIBITOR, "§1b", "S"),
  DIPYRIDAMOLE("dipyridamole", DrugClass.PHOSPHODIESTERASE_INHIBITOR, "§1b", "S / U"),
  WARFARIN("warfarin", DrugClass.VITAMIN_K_ANTAGONIST, "§1b", "S"),
  ACENOCOUMAROL("acenocoumarol", DrugClass.VITAMIN_K_ANTAGONIST, "§1b", "S"),
  // clinical-rules.md §1b: IV and SC heparin rows, both S; the route is not part of the name
  HEPARIN("heparin", DrugClass.UNFRACTIONATED_HEPARIN, "§1b", "S", "unfractionated-heparin"),
  ENOXAPARIN("enoxaparin", DrugClass.LOW_MOLECULAR_WEIGHT_HEPARIN, "§1b", "S"),
  DALTEPARIN("dalteparin", DrugClass.LOW_MOLECULAR_WEIGHT_HEPARIN, "§1b", "S"),
  FONDAPARINUX("fondaparinux", DrugClass.INDIRECT_FACTOR_XA_INHIBITOR, "§1b", "S / U"),
  DABIGATRAN("dabigatran", DrugClass.DIRECT_THROMBIN_INHIBITOR, "§1b", "S / U"),
  RIVAROXABAN("rivaroxaban", DrugClass.DOAC_FACTOR_XA_INHIBITOR, "§1b", "S / U"),
  APIXABAN("apixaban", DrugClass.DOAC_FACTOR_XA_INHIBITOR, "§1b", "S / U"),
  EDOXABAN("edoxaban", DrugClass.DOAC_FACTOR_XA_INHIBITOR, "§1b", "S / U"),
  CLOPIDOGREL("clopidogrel", DrugClass.P2Y12_INHIBITOR, "§1b", "U"),
  PRASUGREL("prasugrel", DrugClass.P2Y12_INHIBITOR, "§1b", "U"),
  TICAGRELOR("ticagrelor", DrugClass.P2Y12_INHIBITOR, "§1b", "U"),
  CANGRELOR("cangrelor", DrugClass.P2Y12_INHIBITOR, "§1b", "S / U"),
  // clinical-rules.md §1b: one row for the three, "U for 2018"
  ABCIXIMAB("abciximab", DrugClass.GLYCOPROTEIN_IIB_IIIA_INHIBITOR, "§1b", "U"),
  EPTIFIBATIDE("eptifibatide", DrugClass.GLYCOPROTEIN_IIB_IIIA_INHIBITOR, "§1b", "U"),
  TIROFIBAN("tirofiban", DrugClass.GLYCOPROTEIN_IIB_IIIA_INHIBITOR, "§1b", "U"),
  // clinical-rules.md §1b: supplements named in the row, intervals U
  FISH_OIL("fish-oil", DrugClass.DIETARY_SUPPLEMENT, "§1b", "U"),
  GARLIC("garlic", DrugClass.DIETARY_SUPPLEMENT, "§1b", "U"),
  GINKGO("ginkgo", DrugClass.DIETARY_SUPPLEMENT, "§1b", "U"),
  GINSENG("ginseng", DrugClass.DIETARY_SUPPLEMENT, "§1b", "U"),
  VITAMIN_E("vitamin-e", DrugClass.DIETARY_SUPPLEMENT, "§1b", "U"),
  // clinical-rules.md §1c: NSAIDs by half-life group, all S
  DICLOFENAC("diclofenac", NsaidHalfLife.SHORT),
  KETOROLAC("ketorolac", NsaidHalfLife.SHORT),
  IBUPROFEN("ibuprofen", NsaidHalfLife.SHORT),
  ETODOLAC("etodolac", NsaidHalfLife.INTERMEDIATE),
  INDOMETHACIN("indomethacin", NsaidHalfLife.INTERMEDIATE),
  NAPROXEN("naproxen", NsaidHalfLife.LONG),
  MELOXICAM("meloxicam", NsaidHalfLife.LONG),
  NABUMETONE("nabumetone", NsaidHalfLife.VERY_LONG),
  OXAPROZIN("oxaprozin", NsaidHalfLife.EXTRA_LONG),
  PIROXICAM("piroxicam", NsaidHalfLife.EXTRA_LONG),
  // clinical-rules.md §1c: "not required to stop (COX-2 selective) — U"
  CELECOXIB("celecoxib", DrugClass.COX2_SELECTIVE_NSAID, "§1c", "U");

  private final String drug;
  private final DrugClass drugClass;
  private final NsaidHalfLife nsaidHalfLife;
  private final String section;
  private final String status;
  private final List<String> otherNames;

  BleedingRiskDrug(
      String drug, DrugClass drugClass, String section, String status, String... otherNames) {
    this(drug, drugClass, null, section, status, otherNames);
  }

  BleedingRiskDrug(String drug, NsaidHalfLife nsaidHalfLife) {
    this(drug, DrugClass.NSAID, nsaidHalfLife, "§1c", "S");
  }

  BleedingRiskDrug(
      String drug,
      DrugClass drugClass,
      NsaidHalfLife nsaidHalfLife,
      String section,
      String status,
      String... otherNames) {
    this.drug = drug;
    this.drugClass = drugClass;
    this.nsaidHalfLife = nsaidHalfLife;
    this.section = section;
    this.status = status;
    this.otherNames = List.of(otherNames);
  }

  /** The row for a normalised generic name (lower case, words joined by hyphens). */
  public static Optional<BleedingRiskDrug> of(String drug) {
    return Arrays.stream(values())
        .filter(d -> d.drug.equals(drug) || d.otherNames.contains(drug))
        .findFirst();
  }

  public String drug() {
    return drug;
  }

  public DrugClass drugClass() {
    return drugClass;
  }

  /** The §1c group; {@code null} unless the drug has a row in §1c's NSAID table. */
  public NsaidHalfLife nsaidHalfLife() {
    return nsaidHalfLife;
  }

  public Provenance provenance() {
    return Provenance.of("clinical-rules.md " + section, status);
  }
}
