package org.relief.assessments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relief.assessments.scoring.Answers;
import org.relief.assessments.scoring.Catalogue;
import org.relief.assessments.scoring.Scorer;
import org.springframework.stereotype.Service;

/**
 * The instrument library: what each instrument asks and how its answers are scored
 * (clinical-rules.md §3). Scoring is pure and keeps nothing; wrong answers are refused with {@link
 * InvalidAnswers}, whose message names the item.
 */
@Service
public class Instruments {

  private final Map<String, Scorer> scorers = new LinkedHashMap<>();

  public Instruments(AssessmentSettings settings) {
    Catalogue.of(settings).forEach(s -> scorers.put(s.definition().code(), s));
  }

  /** Every instrument, in the library's order. */
  public List<Instrument> definitions() {
    return scorers.values().stream().map(Scorer::definition).toList();
  }

  /** The instrument with this code ({@code odi}, {@code phq9}, ...). */
  public Instrument definition(String code) {
    return scorer(code).definition();
  }

  /**
   * Scores answers keyed by item ({@code "3"}, {@code "9a"}). Values must be whole numbers
   * (Integer, Long, BigInteger); an omitted item or a {@code null} value is unanswered.
   *
   * @throws UnknownInstrument if no instrument has this code
   * @throws InvalidAnswers if an answer is out of range or not a whole number, an item is unknown,
   *     too many items are unanswered, or the context lacks what the instrument needs
   */
  public Score score(String code, Map<String, ?> answers, ScoringContext context) {
    Scorer scorer = scorer(code);
    return scorer.score(
        Answers.check(scorer.definition(), answers),
        context == null ? ScoringContext.none() : context);
  }

  private Scorer scorer(String code) {
    Scorer scorer = code == null ? null : scorers.get(code.trim().toLowerCase(Locale.ROOT));
    if (scorer == null) {
      throw new UnknownInstrument(code, scorers.keySet());
    }
    return scorer;
  }

  static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
