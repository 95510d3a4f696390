package org.relief.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Optional;

/**
 * The patient a FHIR search is restricted to by its {@code patient} and {@code subject} parameters,
 * read the same way by every provider: a reference to anything but a Patient, an ID Relief never
 * issues, or two different patients match nothing; a chained reference is refused.
 *
 * @param id the patient's ID, or {@code null} when the search names no patient
 * @param matchesNothing whether the search can have no match at all
 */
public record PatientCriterion(Long id, boolean matchesNothing) {

  /** Reads the given reference parameters (any of them may be absent). */
  public static PatientCriterion of(ReferenceParam... references) {
    Long patientId = null;
    boolean nothing = false;
    for (ReferenceParam ref : references) {
      if (ref == null) {
        continue;
      }
      if (ref.getChain() != null) {
        throw new InvalidRequestException("Relief does not support chained patient searches.");
      }
      Optional<Long> id = SearchPage.numericId(ref.getIdPart());
      boolean other = ref.getResourceType() != null && !"Patient".equals(ref.getResourceType());
      if (other || id.isEmpty() || (patientId != null && !patientId.equals(id.get()))) {
        nothing = true;
      } else {
        patientId = id.get();
      }
    }
    return new PatientCriterion(patientId, nothing);
  }
}
