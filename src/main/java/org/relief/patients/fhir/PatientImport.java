package org.relief.patients.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relief.fhir.BulkImportHandler;
import org.relief.fhir.ImportTally;
import org.relief.fhir.ImportedEntry;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Bulk import of {@code Patient}s into the registry (stage 0, before their records). A patient
 * whose MRN is registered already is not registered again: the import refers to the registered one.
 * Each patient is remembered by its {@code fullUrl} and {@code Patient/<id>} so that the records
 * after it find it.
 */
@Component
class PatientImport implements BulkImportHandler {

  private final PatientRegistry registry;
  private final FhirContext fhir;

  PatientImport(PatientRegistry registry, FhirContext fhir) {
    this.registry = registry;
    this.fhir = fhir;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of("Patient");
  }

  @Override
  public int stage() {
    return 0;
  }

  @Override
  public void importBatch(List<ImportedEntry> entries, ImportTally tally) {
    var parser = fhir.newJsonParser();
    for (ImportedEntry entry : entries) {
      org.hl7.fhir.r4.model.Patient resource;
      try {
        resource =
            parser.parseResource(org.hl7.fhir.r4.model.Patient.class, entry.resource().toString());
      } catch (DataFormatException e) {
        tally.rejected(entry, "The Patient is not valid FHIR R4 JSON.");
        continue;
      }
      try {
        PatientDetails details = PatientMapper.fromFhir(resource);
        Optional<Long> existing = registry.idOfMrn(details.mrn());
        long id;
        if (existing.isPresent()) {
          id = existing.get();
          tally.alreadyPresent("Patient");
        } else {
          id = registry.registerImported(details, PatientMapper.synthetic(resource)).id();
          tally.kept("Patient");
        }
        tally.patientKnownAs(
            id,
            entry.fullUrl(),
            resource.getIdElement().hasIdPart()
                ? "Patient/" + resource.getIdElement().getIdPart()
                : null);
      } catch (RuleViolation e) {
        tally.rejected(entry, e.getMessage());
      }
    }
  }
}
