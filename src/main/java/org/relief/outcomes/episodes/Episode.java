package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A performed procedure as the outcomes module keeps it: what analytics group by, as it was when
 * the procedure was performed.
 *
 * @param diagnosisCode the patient's active primary diagnosis (ICD-10-CM) when the procedure was
 *     recorded; {@code null} when there was none
 * @param baselineNrs the pre-procedure pain NRS of the procedure record; {@code null} when not
 *     recorded
 * @param baselineOdi the latest ODI within the baseline window before the procedure, if any
 * @param baselineNdi the latest NDI within the baseline window before the procedure, if any
 */
public record Episode(
    long procedureId,
    long patientId,
    String procedureType,
    List<String> levels,
    String laterality,
    long operatorUserId,
    String diagnosisCode,
    String diagnosisDescription,
    LocalDate performedOn,
    BigDecimal baselineNrs,
    BigDecimal baselineOdi,
    BigDecimal baselineNdi,
    boolean synthetic) {

  public Episode {
    levels = List.copyOf(levels);
  }

  /** The levels treated together, as analytics group them ("L4–L5, L5–S1"; "" when none). */
  public String levelSet() {
    return String.join(", ", levels);
  }
}
