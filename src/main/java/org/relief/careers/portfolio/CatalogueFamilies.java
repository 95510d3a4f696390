package org.relief.careers.portfolio;

import java.util.Map;
import java.util.Optional;
import org.relief.careers.jobs.ProcedureFamily;

/**
 * Which job-board procedure family a procedure-catalogue code belongs to. Catalogue types no
 * posting can ask for (joint and trigger-point injections, peripheral and genicular nerve blocks)
 * belong to none; they are counted on the attestation page as "not in a family" and left out of
 * portfolios.
 */
final class CatalogueFamilies {

  private static final Map<String, ProcedureFamily> FAMILIES =
      Map.ofEntries(
          Map.entry("lumbar-tfesi", ProcedureFamily.EPIDURAL_STEROID_INJECTION),
          Map.entry("cervical-tfesi", ProcedureFamily.EPIDURAL_STEROID_INJECTION),
          Map.entry("lumbar-ilesi", ProcedureFamily.EPIDURAL_STEROID_INJECTION),
          Map.entry("cervical-ilesi", ProcedureFamily.EPIDURAL_STEROID_INJECTION),
          Map.entry("caudal-esi", ProcedureFamily.EPIDURAL_STEROID_INJECTION),
          Map.entry("lumbar-mbb", ProcedureFamily.MEDIAL_BRANCH_BLOCK),
          Map.entry("cervical-mbb", ProcedureFamily.MEDIAL_BRANCH_BLOCK),
          Map.entry("thoracic-mbb", ProcedureFamily.MEDIAL_BRANCH_BLOCK),
          Map.entry("lumbar-rfa", ProcedureFamily.RADIOFREQUENCY_ABLATION),
          Map.entry("cervical-rfa", ProcedureFamily.RADIOFREQUENCY_ABLATION),
          Map.entry("genicular-rfa", ProcedureFamily.RADIOFREQUENCY_ABLATION),
          Map.entry("scs-trial", ProcedureFamily.SPINAL_CORD_STIMULATION),
          Map.entry("scs-implant", ProcedureFamily.SPINAL_CORD_STIMULATION),
          Map.entry("drg-trial", ProcedureFamily.DRG_STIMULATION),
          Map.entry("pns-implant", ProcedureFamily.PERIPHERAL_NERVE_STIMULATION),
          Map.entry("vertebral-augmentation", ProcedureFamily.KYPHOPLASTY),
          Map.entry("intrathecal-pump-implant", ProcedureFamily.INTRATHECAL_PUMP),
          Map.entry("mild-decompression", ProcedureFamily.MILD),
          Map.entry("stellate-ganglion-block", ProcedureFamily.SYMPATHETIC_BLOCK),
          Map.entry("lumbar-sympathetic-block", ProcedureFamily.SYMPATHETIC_BLOCK),
          Map.entry("celiac-plexus-block", ProcedureFamily.SYMPATHETIC_BLOCK));

  private CatalogueFamilies() {}

  static Optional<ProcedureFamily> of(String catalogueCode) {
    return Optional.ofNullable(FAMILIES.get(catalogueCode));
  }
}
