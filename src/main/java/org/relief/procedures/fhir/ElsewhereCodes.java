package org.relief.procedures.fhir;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.relief.procedures.CptCode;
import org.relief.procedures.ProcedureCatalogue;

/**
 * Which procedures done elsewhere Relief keeps (decision 0072): a procedure of its catalogue (by
 * catalogue code or by one of the catalogue's CPT codes, clinical-rules.md §5d) and the SNOMED CT
 * therapies of a pain plan that Synthea records (physical, occupational and rehabilitation therapy,
 * cognitive behavioural therapy). The SNOMED CT list is Relief's selection, with Synthea's own
 * displays; everything else (screenings, dental care, labs) is not kept.
 */
final class ElsewhereCodes {

  static final Map<String, String> SNOMED_THERAPIES =
      Map.of(
          "91251008", "Physical therapy procedure",
          "52052004", "Rehabilitation therapy",
          "84478008", "Occupational therapy",
          "228557008", "Cognitive and behavioral therapy");

  private ElsewhereCodes() {}

  /** The coding to keep the procedure under, or empty when Relief does not keep it. */
  static Optional<Coding> kept(CodeableConcept code, ProcedureCatalogue catalogue) {
    for (Coding c : code.getCoding()) {
      if (!c.hasCode()) {
        continue;
      }
      if (ProcedureMapper.CATALOGUE.equals(c.getSystem())
          && catalogue.find(c.getCode()).isPresent()) {
        return Optional.of(
            new Coding(c.getSystem(), c.getCode(), catalogue.require(c.getCode()).name()));
      }
      if (ProcedureMapper.CPT.equals(c.getSystem())
          && catalogue.all().stream()
              .flatMap(t -> t.cptCodes().stream())
              .map(CptCode::code)
              .anyMatch(c.getCode()::equals)) {
        return Optional.of(new Coding(c.getSystem(), c.getCode(), c.getDisplay()));
      }
      if (ProcedureMapper.SNOMED.equals(c.getSystem())
          && SNOMED_THERAPIES.containsKey(c.getCode())) {
        return Optional.of(
            new Coding(
                c.getSystem(),
                c.getCode(),
                c.hasDisplay() ? c.getDisplay() : SNOMED_THERAPIES.get(c.getCode())));
      }
    }
    return Optional.empty();
  }
}
