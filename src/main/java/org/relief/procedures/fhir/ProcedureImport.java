package org.relief.procedures.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DateTimeType;
import org.relief.fhir.BulkImportHandler;
import org.relief.fhir.ImportTally;
import org.relief.fhir.ImportedEntry;
import org.relief.procedures.ProcedureCatalogue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of procedures done elsewhere into {@code external_procedure} (shown on the chart as
 * "Procedures recorded elsewhere"), kept or skipped by the same {@link ElsewhereRules} as {@link
 * ProcedureResourceProvider}'s create. The code is read from the JSON, so the screenings and other
 * procedures Relief does not keep (most of a Synthea bundle's) are skipped without building a FHIR
 * object; dates are read as HAPI reads them ({@link DateTimeType}); the kept procedures of a batch
 * are written in one statement, and one already imported (same source ID) is left as it is.
 */
@Component
class ProcedureImport implements BulkImportHandler {

  private static final String TYPE = "Procedure";

  private final ProcedureFhirStore store;
  private final ProcedureCatalogue catalogue;
  private final Clock clock;

  ProcedureImport(ProcedureFhirStore store, ProcedureCatalogue catalogue, Clock clock) {
    this.store = store;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public int stage() {
    return 1;
  }

  @Override
  public void importBatch(List<ImportedEntry> entries, ImportTally tally) {
    Instant now = clock.instant();
    List<ProcedureFhirStore.ImportedElsewhere> rows = new ArrayList<>();
    for (ImportedEntry entry : entries) {
      List<ElsewhereRules.Code> codings = codings(entry.resource());
      if (ElsewhereRules.keptCode(codings, catalogue).isEmpty()) {
        tally.skipped(TYPE);
        continue;
      }
      Optional<Long> patient = tally.patientOf(entry.text("subject", "reference"));
      if (patient.isEmpty()) {
        tally.rejected(
            entry,
            "The procedure's subject is not a patient of this import; import the Patient first.");
        continue;
      }
      Instant start;
      Instant end;
      try {
        if (entry.resource().has("performedPeriod")) {
          start = instant(entry.text("performedPeriod", "start"));
          end = instant(entry.text("performedPeriod", "end"));
        } else {
          start = instant(entry.text("performedDateTime"));
          end = null;
        }
      } catch (DataFormatException | IllegalArgumentException e) {
        tally.rejected(entry, "The procedure's performed date is not a FHIR date and time.");
        continue;
      }
      ElsewhereRules.Verdict verdict =
          ElsewhereRules.judge(
              new ElsewhereRules.Reported(
                  codings, entry.text("code", "text"), entry.text("status"), start, end),
              catalogue,
              now);
      if (verdict instanceof ElsewhereRules.Skip) {
        tally.skipped(TYPE);
      } else if (verdict instanceof ElsewhereRules.Refuse refuse) {
        tally.rejected(entry, refuse.reason());
      } else {
        ElsewhereRules.Keep keep = (ElsewhereRules.Keep) verdict;
        rows.add(
            new ProcedureFhirStore.ImportedElsewhere(
                patient.get(),
                entry.sourceId(),
                keep.system(),
                keep.code(),
                keep.display(),
                keep.status(),
                keep.start(),
                keep.end()));
      }
    }
    List<String> added = store.insertImported(rows, now);
    Set<String> addedSources = new HashSet<>();
    for (String source : added) {
      if (source == null) {
        tally.kept(TYPE);
      } else {
        addedSources.add(source);
      }
    }
    Set<String> counted = new HashSet<>();
    for (ProcedureFhirStore.ImportedElsewhere row : rows) {
      if (row.sourceId() == null) {
        continue;
      }
      if (addedSources.contains(row.sourceId()) && counted.add(row.sourceId())) {
        tally.kept(TYPE);
      } else {
        tally.alreadyPresent(TYPE);
      }
    }
  }

  private static List<ElsewhereRules.Code> codings(JsonNode resource) {
    List<ElsewhereRules.Code> codings = new ArrayList<>();
    for (JsonNode coding : resource.path("code").path("coding")) {
      codings.add(
          new ElsewhereRules.Code(
              text(coding.get("system")), text(coding.get("code")), text(coding.get("display"))));
    }
    return codings;
  }

  private static String text(JsonNode node) {
    return node == null || !node.isString() ? null : node.asString();
  }

  /** A FHIR dateTime read as HAPI reads it (a date alone is its start), or null. */
  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    DateTimeType parsed = new DateTimeType(value);
    return parsed.getValue() == null ? null : parsed.getValue().toInstant();
  }
}
