package org.relief.patients.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.relief.fhir.BulkImportHandler;
import org.relief.fhir.ImportTally;
import org.relief.fhir.ImportedEntry;
import org.relief.patients.DrugClassifier;
import org.relief.patients.diagnoses.DiagnosisCatalogue;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.patients.medicationlist.MedicationList.ImportOutcome;
import org.relief.patients.medicationlist.MedicationList.ImportedCourse;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of a patient's {@code Condition}s (pain diagnoses, as {@link
 * ConditionResourceProvider} keeps them) and {@code MedicationRequest}s (the medication list,
 * through {@link MedicationRequestMapper}). A Condition's code is looked at in the JSON before
 * anything else is built, as most of Synthea's are not pain diagnoses. Medications are checked one
 * by one and written in one statement.
 */
@Component
class PatientRecordImport implements BulkImportHandler {

  private final PatientDiagnoses diagnoses;
  private final DiagnosisCatalogue catalogue;
  private final MedicationList medications;
  private final DrugClassifier classifier;
  private final FhirContext fhir;

  PatientRecordImport(
      PatientDiagnoses diagnoses,
      DiagnosisCatalogue catalogue,
      MedicationList medications,
      DrugClassifier classifier,
      FhirContext fhir) {
    this.diagnoses = diagnoses;
    this.catalogue = catalogue;
    this.medications = medications;
    this.classifier = classifier;
    this.fhir = fhir;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of("Condition", "MedicationRequest");
  }

  @Override
  public int stage() {
    return 1;
  }

  @Override
  public void importBatch(List<ImportedEntry> entries, ImportTally tally) {
    IParser parser = fhir.newJsonParser();
    List<ImportedEntry> courseEntries = new ArrayList<>();
    List<ImportedCourse> courses = new ArrayList<>();
    for (ImportedEntry entry : entries) {
      if ("Condition".equals(entry.resourceType())) {
        condition(entry, parser, tally);
        continue;
      }
      MedicationRequest request;
      try {
        request = parser.parseResource(MedicationRequest.class, entry.resource().toString());
      } catch (DataFormatException e) {
        tally.rejected(entry, "The MedicationRequest is not valid FHIR R4 JSON.");
        continue;
      }
      MedicationRequestMapper.Mapped mapped = MedicationRequestMapper.map(request);
      if (mapped instanceof MedicationRequestMapper.Refuse refuse) {
        tally.rejected(entry, refuse.reason());
        continue;
      }
      if (!(mapped instanceof MedicationRequestMapper.Course course)
          || (!course.opioid() && !classifier.classify(course.medication().drug()).known())) {
        tally.skipped(entry.resourceType());
        continue;
      }
      Optional<Long> patient = tally.patientOf(entry.text("subject", "reference"));
      if (patient.isEmpty()) {
        tally.rejected(entry, unknownPatient("MedicationRequest"));
        continue;
      }
      courseEntries.add(entry);
      courses.add(new ImportedCourse(patient.get(), entry.sourceId(), course.medication()));
    }
    List<ImportOutcome> outcomes = medications.importCourses(courses);
    for (int i = 0; i < outcomes.size(); i++) {
      ImportOutcome outcome = outcomes.get(i);
      if (outcome.reason() != null) {
        tally.rejected(courseEntries.get(i), outcome.reason());
      } else if (outcome.added()) {
        tally.kept("MedicationRequest");
      } else {
        tally.alreadyPresent("MedicationRequest");
      }
    }
  }

  private void condition(ImportedEntry entry, IParser parser, ImportTally tally) {
    if (!mayBePainDiagnosis(entry.resource())) {
      tally.skipped("Condition");
      return;
    }
    Condition condition;
    try {
      condition = parser.parseResource(Condition.class, entry.resource().toString());
    } catch (DataFormatException e) {
      tally.rejected(entry, "The Condition is not valid FHIR R4 JSON.");
      return;
    }
    Optional<String> code =
        ConditionMapper.icd10(condition).filter(c -> catalogue.find(c).isPresent());
    if (code.isEmpty()) {
      tally.skipped("Condition");
      return;
    }
    Optional<Long> patient = tally.patientOf(entry.text("subject", "reference"));
    if (patient.isEmpty()) {
      tally.rejected(entry, unknownPatient("Condition"));
      return;
    }
    try {
      var added =
          diagnoses.addImported(
              patient.get(),
              code.get(),
              ConditionMapper.rank(condition),
              ConditionMapper.status(condition),
              ConditionMapper.onset(condition),
              entry.sourceId());
      if (added.isPresent()) {
        tally.kept("Condition");
      } else {
        tally.alreadyPresent("Condition");
      }
    } catch (RuleViolation e) {
      tally.rejected(entry, e.getMessage());
    }
  }

  /** An ICD-10-CM coding, or a SNOMED CT pain finding Relief translates. */
  private static boolean mayBePainDiagnosis(JsonNode resource) {
    JsonNode codings = resource.path("code").path("coding");
    for (JsonNode coding : codings) {
      String system = coding.path("system").asString("");
      String code = coding.path("code").asString("");
      if (ConditionMapper.ICD10CM.equals(system)
          || (ConditionMapper.SNOMED.equals(system)
              && ConditionMapper.ICD10_OF_SNOMED.containsKey(code))) {
        return true;
      }
    }
    return false;
  }

  static String unknownPatient(String type) {
    return "The "
        + type
        + "'s subject is not a patient of this import or already imported by it; import the"
        + " Patient first.";
  }
}
