package org.relief.careers.jobs;

/** Interventional procedure families a posting can ask for, with a minimum recent volume. */
public enum ProcedureFamily {
  EPIDURAL_STEROID_INJECTION("Epidural steroid injection"),
  MEDIAL_BRANCH_BLOCK("Medial branch block"),
  RADIOFREQUENCY_ABLATION("Radiofrequency ablation"),
  SPINAL_CORD_STIMULATION("Spinal cord stimulation"),
  DRG_STIMULATION("DRG stimulation"),
  PERIPHERAL_NERVE_STIMULATION("Peripheral nerve stimulation"),
  INTRATHECAL_PUMP("Intrathecal drug delivery"),
  KYPHOPLASTY("Kyphoplasty / vertebroplasty"),
  BASIVERTEBRAL_NERVE_ABLATION("Basivertebral nerve ablation"),
  SI_JOINT_FUSION("Sacroiliac joint fusion"),
  MILD("Minimally invasive lumbar decompression"),
  SYMPATHETIC_BLOCK("Sympathetic block");

  private final String label;

  ProcedureFamily(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
