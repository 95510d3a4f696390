package org.relief.assessments.fhir;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relief.assessments.Instruments;
import org.relief.assessments.Score;
import org.relief.fhir.BulkImportHandler;
import org.relief.fhir.ImportTally;
import org.relief.fhir.ImportedEntry;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of NRS pain scores (LOINC 72514-3, clinical-rules.md §3.5) into the scored results,
 * as {@link ObservationResourceProvider} creates them, with the same checks. Other Observations
 * (vital signs, laboratory results: most of a Synthea bundle) are skipped by their code in the
 * JSON, without building a FHIR object; the scores of a batch are written in one statement.
 */
@Component
class PainScoreImport implements BulkImportHandler {

  private static final String NRS = "nrs";

  private final ObservationStore store;
  private final Instruments instruments;
  private final Clock clock;

  PainScoreImport(ObservationStore store, Instruments instruments, Clock clock) {
    this.store = store;
    this.instruments = instruments;
    this.clock = clock;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of("Observation");
  }

  @Override
  public int stage() {
    return 1;
  }

  @Override
  public void importBatch(List<ImportedEntry> entries, ImportTally tally) {
    String version = instruments.definition(NRS).version();
    Instant latest = clock.instant().plusSeconds(300);
    List<ObservationStore.ImportedScore> scores = new ArrayList<>();
    for (ImportedEntry entry : entries) {
      if (!isNrs(entry.resource())) {
        tally.skipped("Observation");
        continue;
      }
      String status = entry.text("status");
      if (status != null && !"final".equals(status)) {
        tally.rejected(entry, "Send the pain score with status final.");
        continue;
      }
      Optional<Long> patient = tally.patientOf(entry.text("subject", "reference"));
      if (patient.isEmpty()) {
        tally.rejected(
            entry,
            "The pain score's subject is not a patient of this import; import the Patient first.");
        continue;
      }
      JsonNode value = entry.resource().path("valueQuantity").path("value");
      if (!value.isNumber()) {
        tally.rejected(entry, "Give the pain score as a number 0 to 10.");
        continue;
      }
      BigDecimal number = value.decimalValue();
      if (number.stripTrailingZeros().scale() > 0) {
        tally.rejected(entry, "A pain score is a whole number 0 to 10.");
        continue;
      }
      Instant at;
      try {
        String effective = entry.text("effectiveDateTime");
        at = effective == null ? clock.instant() : OffsetDateTime.parse(effective).toInstant();
      } catch (DateTimeParseException e) {
        tally.rejected(entry, "The pain score's effectiveDateTime is not a date and time.");
        continue;
      }
      if (at.isAfter(latest)) {
        tally.rejected(entry, "The pain score's time is in the future.");
        continue;
      }
      Score score;
      try {
        score = instruments.score(NRS, Map.of("1", number.intValueExact()), null);
      } catch (RuleViolation | ArithmeticException e) {
        tally.rejected(entry, "A pain score is a whole number 0 to 10.");
        continue;
      }
      scores.add(
          new ObservationStore.ImportedScore(
              patient.get(), entry.sourceId(), at, score.score(), score.band()));
    }
    Set<String> added = store.insertImported(scores, NRS, version);
    Set<String> counted = new java.util.HashSet<>();
    for (ObservationStore.ImportedScore s : scores) {
      if (added.contains(s.sourceId()) && counted.add(s.sourceId())) {
        tally.kept("Observation");
      } else {
        tally.alreadyPresent("Observation");
      }
    }
  }

  private static boolean isNrs(JsonNode resource) {
    for (JsonNode coding : resource.path("code").path("coding")) {
      String system = coding.path("system").asString("");
      String code = coding.path("code").asString("");
      if ((ObservationMapper.LOINC.equals(system) && "72514-3".equals(code))
          || (ObservationMapper.INSTRUMENTS.equals(system) && NRS.equals(code))) {
        return true;
      }
    }
    return false;
  }
}
