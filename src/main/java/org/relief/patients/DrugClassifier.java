package org.relief.patients;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.patients.medications.BleedingRiskDrug;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Recognises anticoagulants, antiplatelets, NSAIDs and supplements of ASRA 2018 by generic name
 * (clinical-rules.md §1b, §1c). It classifies only; hold and restart intervals are the procedure
 * planner's.
 *
 * <p>Names are matched after trimming, lower-casing and joining words with hyphens ("Vitamin E" is
 * "vitamin-e"): a missed anticoagulant is the dangerous mistake here, so spelling variants of the
 * same name must not slip through. A drug Relief does not know is not an error; it is answered as
 * {@link DrugClass#NOT_KNOWN}.
 */
@Component
public class DrugClassifier {

  private static final String NOT_LISTED_NOTE =
      "not listed in clinical-rules.md §1b/§1c; check the drug's own labelling for bleeding risk";

  private final Set<BleedingRiskDrug> locallyConfirmed;

  public DrugClassifier(DrugClassSettings settings) {
    this.locallyConfirmed =
        settings.locallyConfirmed().stream()
            .map(DrugClassifier::recognised)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The class of a drug given by its generic name. */
  public DrugClassification classify(String drug) {
    if (drug == null || drug.isBlank()) {
      throw new RuleViolation("drug-missing", "Give a generic drug name to classify.");
    }
    String name = normalise(drug);
    return BleedingRiskDrug.of(name)
        .map(
            row ->
                new DrugClassification(
                    row.drug(), row.drugClass(), row.nsaidHalfLife(), provenanceOf(row)))
        .orElseGet(
            () ->
                new DrugClassification(
                    name,
                    DrugClass.NOT_KNOWN,
                    null,
                    new Provenance(
                        "clinical-rules.md §1b, §1c", "not listed", false, NOT_LISTED_NOTE)));
  }

  /** The classes of several drugs, in the order given. */
  public List<DrugClassification> classifyAll(List<String> drugs) {
    return drugs.stream().map(this::classify).toList();
  }

  private Provenance provenanceOf(BleedingRiskDrug row) {
    return locallyConfirmed.contains(row)
        ? row.provenance().confirmedLocally(DrugClassSettings.LOCALLY_CONFIRMED)
        : row.provenance();
  }

  private static BleedingRiskDrug recognised(String configured) {
    return BleedingRiskDrug.of(normalise(configured))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    DrugClassSettings.LOCALLY_CONFIRMED
                        + " lists '"
                        + configured
                        + "', which is not a drug of clinical-rules.md §1b/§1c"));
  }

  private static String normalise(String drug) {
    return drug.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
  }
}
