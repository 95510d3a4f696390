package org.relief.patients;

/**
 * The classes of drugs that ASRA 2018 asks about before an interventional pain procedure
 * (clinical-rules.md §1b, §1c). A class says what a drug is, not what to do about it: hold and
 * restart intervals belong to the procedure planner.
 */
public enum DrugClass {
  VITAMIN_K_ANTAGONIST("vitamin K antagonist"),
  UNFRACTIONATED_HEPARIN("unfractionated heparin"),
  LOW_MOLECULAR_WEIGHT_HEPARIN("low-molecular-weight heparin"),
  INDIRECT_FACTOR_XA_INHIBITOR("indirect factor Xa inhibitor (synthetic pentasaccharide)"),
  DOAC_FACTOR_XA_INHIBITOR("direct oral anticoagulant, factor Xa inhibitor"),
  DIRECT_THROMBIN_INHIBITOR("direct thrombin inhibitor"),
  ASPIRIN("aspirin"),
  P2Y12_INHIBITOR("P2Y12 inhibitor"),
  PHOSPHODIESTERASE_INHIBITOR("phosphodiesterase-inhibiting antiplatelet"),
  GLYCOPROTEIN_IIB_IIIA_INHIBITOR("glycoprotein IIb/IIIa inhibitor"),
  NSAID("non-aspirin NSAID"),
  COX2_SELECTIVE_NSAID("COX-2 selective NSAID"),
  DIETARY_SUPPLEMENT("dietary supplement with bleeding-risk advice"),
  NOT_KNOWN("not an anticoagulant or antiplatelet known to Relief");

  private final String label;

  DrugClass(String label) {
    this.label = label;
  }

  /** The class in a clinician's words. */
  public String label() {
    return label;
  }
}
