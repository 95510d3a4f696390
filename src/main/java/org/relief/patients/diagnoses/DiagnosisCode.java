package org.relief.patients.diagnoses;

import java.util.Locale;
import org.relief.patients.Provenance;

/**
 * One ICD-10-CM code of the curated pain subset.
 *
 * @param code as ICD-10-CM writes it, with the dot ({@code M54.16})
 * @param description paraphrased, as clinical-rules.md §5b does; not the official long title
 * @param terms the words clinicians also search by (the §5b condition row, common synonyms)
 * @param provenance whether the code is confirmed; every §5b row is U until checked locally
 */
public record DiagnosisCode(String code, String description, String terms, Provenance provenance) {

  /** The code without its dot, upper case, for matching what people type. */
  String compact() {
    return code.replace(".", "").toUpperCase(Locale.ROOT);
  }

  public boolean confirmed() {
    return provenance.confirmed();
  }
}
