package org.relief.assessments.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Band;
import org.relief.assessments.Instrument;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.assessments.Sex;

/**
 * Opioid Risk Tool (Webster 2005) and ORT-OUD (Cheatle 2019), clinical-rules.md §3.8. Each item is
 * 0 (absent) or 1 (present); ORT weighs present items by sex, ORT-OUD counts them, drops item 4
 * (preadolescent sexual abuse) and is sex-neutral. Item keys follow the ORT form's numbering
 * (docs/decisions/0008-item-keys.md); every item must be answered, so that "not asked" is never
 * scored as "absent" (docs/decisions/0007-complete-answers-required.md).
 */
final class OpioidRiskTool implements Scorer {

  private record Risk(String key, String label, int female, int male) {}

  // clinical-rules.md §3.8 table (P via cfp.ca): points for a present item, female / male.
  private static final List<Risk> RISKS =
      List.of(
          new Risk("1a", "Family history of substance abuse: alcohol", 1, 3),
          new Risk("1b", "Family history of substance abuse: illegal drugs", 2, 3),
          new Risk("1c", "Family history of substance abuse: prescription drugs", 4, 4),
          new Risk("2a", "Personal history of substance abuse: alcohol", 3, 3),
          new Risk("2b", "Personal history of substance abuse: illegal drugs", 4, 4),
          new Risk("2c", "Personal history of substance abuse: prescription drugs", 5, 5),
          new Risk("3", "Age 16–45", 1, 1),
          new Risk("4", "History of preadolescent sexual abuse", 3, 0),
          new Risk("5a", "Psychological disease: ADD, OCD, bipolar, schizophrenia", 2, 2),
          new Risk("5b", "Psychological disease: depression", 1, 1));

  // clinical-rules.md §3.8 ORT bands (P).
  private static final List<Band> ORT_BANDS = Scoring.bands("low", 0, "moderate", 4, "high", 8);

  private static final String PREADOLESCENT_ABUSE = "4";

  private final boolean oud;
  private final AssessmentSettings settings;
  private final List<Risk> risks;
  private final Instrument definition;

  private OpioidRiskTool(boolean oud, AssessmentSettings settings) {
    this.oud = oud;
    this.settings = settings;
    this.risks =
        oud ? RISKS.stream().filter(r -> !r.key().equals(PREADOLESCENT_ABUSE)).toList() : RISKS;
    List<Item> items = risks.stream().map(r -> Item.of(r.key(), r.label(), 0, 1)).toList();
    String licence =
        "Risk-factor checklist published in a journal article; Relief shows the risk factors as"
            + " listed in clinical-rules.md §3.8, not the form's layout (docs/instruments.md).";
    String missing =
        "Every item must be answered 0 (absent) or 1 (present)"
            + " (docs/decisions/0007-complete-answers-required.md).";
    this.definition =
        oud
            ? new Instrument(
                "ort-oud",
                "Opioid Risk Tool for Opioid Use Disorder",
                "ORT-OUD",
                "Cheatle 2019",
                "clinical-rules.md §3.8 (Cheatle et al. 2019)",
                licence,
                items,
                0,
                9,
                missing + " Sex is not needed (the tool is sex-neutral).",
                unconfirmed())
            : new Instrument(
                "ort",
                "Opioid Risk Tool",
                "ORT",
                "Webster 2005",
                "clinical-rules.md §3.8 (Webster & Webster 2005)",
                licence,
                items,
                0,
                26,
                missing + " The patient's sex (female or male) is required.",
                List.of());
  }

  static OpioidRiskTool ort(AssessmentSettings settings) {
    return new OpioidRiskTool(false, settings);
  }

  static OpioidRiskTool ortOud(AssessmentSettings settings) {
    return new OpioidRiskTool(true, settings);
  }

  private List<String> unconfirmed() {
    return oud
        ? Scoring.unconfirmed(
            settings.isConfirmed("ort-oud-cut-off"),
            "ort-oud cut-off (0–"
                + (settings.ortOudHighFrom() - 1)
                + " low, ≥"
                + settings.ortOudHighFrom()
                + " high) not seen in Cheatle 2019 — confirm locally")
        : List.of();
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    String name = definition.shortName();
    Sex sex = sex(name, context.sexAsGiven(), !oud);
    answers.requireAll(risks.stream().map(Risk::key).toList(), "every item");
    int total = 0;
    for (Risk risk : risks) {
      if (answers.get(risk.key()) == 1) {
        total += oud ? 1 : (sex == Sex.FEMALE ? risk.female() : risk.male());
      }
    }
    List<Band> bands = oud ? Scoring.bands("low", 0, "high", settings.ortOudHighFrom()) : ORT_BANDS;
    return new Score(
        definition.code(),
        (double) total,
        Map.of(),
        Scoring.band(bands, total),
        List.of(),
        risks.size(),
        unconfirmed());
  }

  /**
   * Female or male, as the ORT table weighs them. Other answers are refused until the product
   * decides how to score them (clinical-rules.md §3.8 leaves it open, U;
   * docs/decisions/0012-ort-sex.md).
   */
  private static Sex sex(String name, String given, boolean required) {
    if (given == null || given.isBlank()) {
      if (!required) {
        return null;
      }
      throw new InvalidAnswers(
          InvalidAnswers.SEX_REQUIRED,
          name
              + " weighs its items by the patient's sex: give \"sex\": \"female\" or \"male\""
              + " beside the answers.");
    }
    return switch (given.trim().toLowerCase(Locale.ROOT)) {
      case "female" -> Sex.FEMALE;
      case "male" -> Sex.MALE;
      default ->
          throw new InvalidAnswers(
              InvalidAnswers.SEX_REQUIRED,
              name
                  + " needs the patient's sex as \"female\" or \"male\"; got \""
                  + Answers.shorten(given)
                  + "\". Scoring for other answers is not decided yet.");
    };
  }
}
