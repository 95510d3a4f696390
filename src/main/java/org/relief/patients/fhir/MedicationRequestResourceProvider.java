package org.relief.patients.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.relief.fhir.NotKept;
import org.relief.fhir.SearchPage;
import org.relief.patients.DrugClassifier;
import org.relief.patients.medicationlist.Medication;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code MedicationRequest}, create only: a prescription (Synthea's opioid prescriptions among
 * them) becomes a course on the patient's medication list through {@link MedicationRequestMapper}
 * and {@link MedicationList#add} (which checks and audits), and is answered as the {@code
 * MedicationStatement} Relief keeps. A prescription Relief does not keep, or cannot read well
 * enough to count its MME, is not kept: on its own that is 422, inside a Synthea transaction the
 * entry is skipped with the reason, so one unreadable prescription does not fail a patient's
 * import.
 */
@Component
public class MedicationRequestResourceProvider implements IResourceProvider {

  private final MedicationList medications;
  private final DrugClassifier classifier;
  private final MedicationStatementResourceProvider statements;

  MedicationRequestResourceProvider(
      MedicationList medications,
      DrugClassifier classifier,
      MedicationStatementResourceProvider statements) {
    this.medications = medications;
    this.classifier = classifier;
    this.statements = statements;
  }

  @Override
  public Class<MedicationRequest> getResourceType() {
    return MedicationRequest.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam MedicationRequest resource) {
    MedicationRequestMapper.Mapped mapped = MedicationRequestMapper.map(resource);
    if (mapped instanceof MedicationRequestMapper.Skip skip) {
      throw new NotKept(skip.reason());
    }
    if (mapped instanceof MedicationRequestMapper.Refuse refuse) {
      throw new NotKept(refuse.reason());
    }
    MedicationRequestMapper.Course course = (MedicationRequestMapper.Course) mapped;
    if (!course.opioid() && !classifier.classify(course.medication().drug()).known()) {
      throw new NotKept(
          "Relief lists opioids and bleeding-risk medications from prescriptions;"
              + " this one is neither.");
    }
    var subject = resource.getSubject().getReferenceElement();
    long patientId =
        java.util.Optional.ofNullable(subject)
            .filter(s -> "Patient".equals(s.getResourceType()))
            .flatMap(s -> SearchPage.numericId(s.getIdPart()))
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-patient",
                        "The MedicationRequest's subject must be a patient registered in Relief"
                            + " (Patient/<id>)."));
    Medication added = medications.add(patientId, course.medication());
    MedicationStatement kept = statements.current(added.id()).orElseThrow();
    return new MethodOutcome(kept.getIdElement(), true).setResource(kept);
  }
}
