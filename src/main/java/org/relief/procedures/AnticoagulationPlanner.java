package org.relief.procedures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.patients.DrugClass;
import org.relief.patients.DrugClassification;
import org.relief.patients.DrugClassifier;
import org.relief.patients.Provenance;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Service;

/**
 * Plans a patient's anticoagulants, antiplatelets and NSAIDs around a procedure (clinical-rules.md
 * §1, ASRA 2018): the risk class, raised one step for a patient at high bleeding risk (§1a), then
 * per drug the §1b or §1c row for that class.
 *
 * <p>Design notes. The drug is recognised by the patients module's {@link DrugClassifier}; the
 * intervals are this planner's. A name neither there nor in {@code without-bleeding-advice} is
 * refused: a misspelt anticoagulant must not come back as "continue". Rows marked U are settings
 * and stay {@code confirmed: false} with "unconfirmed — confirm locally" until the practice
 * confirms them. The last dose day rounds hours up to whole days (docs/decisions/0016).
 */
@Service
public class AnticoagulationPlanner {

  static final String NOT_ANTICOAGULANT = "not an anticoagulant or antiplatelet known to Relief";

  private static final Map<String, Set<String>> REGIMENS =
      Map.of(
          "aspirin", Set.of("primary-prophylaxis", "secondary-prophylaxis"),
          "heparin", Set.of("iv", "sc"),
          "enoxaparin", Set.of("prophylactic", "therapeutic"));

  private final ProcedureCatalogue catalogue;
  private final DrugClassifier classifier;
  private final Set<String> withoutBleedingAdvice;
  private final Map<String, IntervalRow> rows;

  public AnticoagulationPlanner(
      ProcedureCatalogue catalogue, DrugClassifier classifier, AnticoagulationSettings settings) {
    this.catalogue = catalogue;
    this.classifier = classifier;
    this.withoutBleedingAdvice =
        settings.withoutBleedingAdvice().stream()
            .map(AnticoagulationPlanner::normalise)
            .collect(Collectors.toUnmodifiableSet());
    this.rows = configured(settings);
    for (String drug : withoutBleedingAdvice) {
      if (classifier.classify(drug).known()) {
        throw new IllegalArgumentException(
            AnticoagulationSettings.PREFIX
                + ".without-bleeding-advice lists '"
                + drug
                + "', which is a drug of clinical-rules.md §1b/§1c");
      }
    }
  }

  /** The plan for these medications before this procedure on this day. */
  public AnticoagulationPlan plan(
      String procedure,
      LocalDate procedureDate,
      Boolean highBleedingRisk,
      List<MedicationTaken> medications) {
    ProcedureType type = catalogue.require(procedure);
    if (procedureDate == null) {
      throw new RuleViolation(
          "procedure-date-missing", "Give the procedure date as YYYY-MM-DD, e.g. 2026-12-01.");
    }
    if (highBleedingRisk == null) {
      throw new RuleViolation(
          "high-bleeding-risk-missing",
          "Say whether the patient is at high bleeding risk (highBleedingRisk true or false):"
              + " it raises the risk class one step (clinical-rules.md §1a).");
    }
    if (medications == null) {
      throw new RuleViolation(
          "medications-missing",
          "Give the patient's medications, e.g. [{\"drug\": \"apixaban\"}], or [] for none.");
    }
    RiskClass riskClass = highBleedingRisk ? type.riskClass().raisedOneStep() : type.riskClass();
    List<MedicationPlan> plans = new ArrayList<>();
    for (MedicationTaken medication : medications) {
      if (medication == null) {
        throw new RuleViolation("drug-missing", "Give a generic drug name for every medication.");
      }
      plans.add(planFor(medication, riskClass, procedureDate));
    }
    return new AnticoagulationPlan(type.code(), procedureDate, type.riskClass(), riskClass, plans);
  }

  private MedicationPlan planFor(
      MedicationTaken medication, RiskClass riskClass, LocalDate procedureDate) {
    DrugClassification classification = classifier.classify(medication.drug());
    String drug = medication.drug();
    if (!classification.known()) {
      if (withoutBleedingAdvice.contains(classification.drug())) {
        return new MedicationPlan(
            drug,
            Action.CONTINUE,
            null,
            null,
            null,
            true,
            NOT_ANTICOAGULANT,
            "listed in " + AnticoagulationSettings.PREFIX + ".without-bleeding-advice");
      }
      throw new RuleViolation(
          "unknown-drug",
          "Unknown drug '"
              + drug
              + "': Relief knows the anticoagulants, antiplatelets and NSAIDs of clinical-rules.md"
              + " §1b/§1c; check the spelling of the generic name (e.g. 'apixaban'). A drug with"
              + " no bleeding-risk advice can be added to "
              + AnticoagulationSettings.PREFIX
              + ".without-bleeding-advice.");
    }
    IntervalRow row = rows.get(rowKey(classification, medication.regimen()));
    IntervalRow.Step step = row.step(riskClass);
    Integer stopBeforeHours = step.action() == Action.HOLD ? step.hours() : null;
    LocalDate lastDoseOn =
        stopBeforeHours == null ? null : lastDoseOn(procedureDate, stopBeforeHours);
    Integer restart = step.action() == Action.CONTINUE ? null : row.restart(riskClass);
    boolean confirmed = !row.unconfirmedInReference() || classification.provenance().confirmed();
    return new MedicationPlan(
        drug,
        step.action(),
        stopBeforeHours,
        lastDoseOn,
        restart,
        confirmed,
        row.source().replace("clinical-rules.md ", ""),
        note(row, stopBeforeHours, confirmed));
  }

  /**
   * The last day a dose may be taken: the procedure day minus the hold in whole days, hours rounded
   * up (docs/decisions/0016). A 72 h hold before 1 December gives 28 November; a 6 h hold gives 30
   * November, the dose then being at least 6 h before the procedure whatever its time.
   */
  static LocalDate lastDoseOn(LocalDate procedureDate, int stopBeforeHours) {
    return procedureDate.minusDays((stopBeforeHours + 23) / 24);
  }

  private String rowKey(DrugClassification classification, String regimen) {
    String drug = classification.drug();
    if (regimen != null) {
      Set<String> allowed = REGIMENS.get(drug);
      if (allowed == null || !allowed.contains(regimen)) {
        throw new RuleViolation(
            "unknown-regimen",
            "Unknown regimen '"
                + regimen
                + "' for "
                + drug
                + (allowed == null
                    ? ": leave it out, the intervals of " + drug + " do not depend on it."
                    : ": use one of "
                        + String.join(", ", allowed.stream().sorted().toList())
                        + "."));
      }
      return drug + "/" + regimen;
    }
    if (classification.drugClass() == DrugClass.NSAID) {
      return IntervalTable.nsaidKey(classification.nsaidHalfLife());
    }
    if (classification.drugClass() == DrugClass.DIETARY_SUPPLEMENT) {
      return "dietary-supplements";
    }
    return drug;
  }

  private static String note(IntervalRow row, Integer stopBeforeHours, boolean confirmed) {
    List<String> parts = new ArrayList<>();
    if (stopBeforeHours != null) {
      parts.add("last dose at least " + stopBeforeHours + " h before the procedure");
    }
    if (row.note() != null) {
      parts.add(row.note());
    }
    if (!confirmed) {
      parts.add(Provenance.UNCONFIRMED);
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private Map<String, IntervalRow> configured(AnticoagulationSettings settings) {
    Map<String, IntervalRow> table = new LinkedHashMap<>(IntervalTable.researched());
    settings
        .unconfirmedRows()
        .forEach(
            (key, values) -> {
              String setting = AnticoagulationSettings.PREFIX + ".unconfirmed-rows." + key;
              IntervalRow row = table.get(key);
              if (row == null || !row.unconfirmedInReference()) {
                throw new IllegalArgumentException(
                    setting
                        + " names no row of clinical-rules.md §1b/§1c marked U; rows marked U are "
                        + table.entrySet().stream()
                            .filter(e -> e.getValue().unconfirmedInReference())
                            .map(Map.Entry::getKey)
                            .collect(Collectors.joining(", ")));
              }
              table.put(key, row.with(values, setting));
            });
    return Map.copyOf(table);
  }

  private static String normalise(String drug) {
    return drug.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
  }
}
