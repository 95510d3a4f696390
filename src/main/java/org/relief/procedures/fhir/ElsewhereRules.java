package org.relief.procedures.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relief.procedures.CptCode;
import org.relief.procedures.ProcedureCatalogue;

/**
 * Which procedures done elsewhere Relief keeps, and with which checks (decision 0072), in one place
 * for both ways in: a FHIR create or transaction ({@link ProcedureResourceProvider}) and the bulk
 * import ({@link ProcedureImport}). Kept are a procedure of the catalogue (by catalogue code or by
 * one of the catalogue's CPT codes, clinical-rules.md §5d) and the SNOMED CT therapies of a pain
 * plan that Synthea records (physical, occupational and rehabilitation therapy, cognitive
 * behavioural therapy). The SNOMED CT list is Relief's selection, with Synthea's own displays;
 * everything else (screenings, dental care, labs) and anything entered in error is not kept. A kept
 * procedure may not be performed in the future or end before it starts.
 */
final class ElsewhereRules {

  static final Map<String, String> SNOMED_THERAPIES =
      Map.of(
          "91251008", "Physical therapy procedure",
          "52052004", "Rehabilitation therapy",
          "84478008", "Occupational therapy",
          "228557008", "Cognitive and behavioral therapy");

  /** FHIR R4 Procedure statuses Relief keeps (the {@code external_procedure} check). */
  static final Set<String> STATUSES =
      Set.of(
          "preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "unknown");

  /** Leeway for the sender's clock before a time counts as in the future. */
  private static final long CLOCK_LEEWAY_SECONDS = 300;

  private ElsewhereRules() {}

  /** One coding of the procedure's code as the sender gave it; any part may be null. */
  record Code(String system, String code, String display) {}

  /**
   * A procedure done elsewhere as the sender described it.
   *
   * @param status the FHIR status code, or null (taken as completed)
   * @param text the code's text, or null
   */
  record Reported(List<Code> codings, String text, String status, Instant start, Instant end) {}

  /** What a report comes to: keep it, skip it (not kept), or refuse it (bad data). */
  sealed interface Verdict permits Keep, Skip, Refuse {}

  /** Keep the procedure under this code. */
  record Keep(String system, String code, String display, String status, Instant start, Instant end)
      implements Verdict {}

  /** Relief does not keep this procedure (not pain-relevant, entered in error). */
  record Skip(String reason) implements Verdict {}

  /** The procedure is pain-relevant but its data is wrong; {@code code} is the problem's code. */
  record Refuse(String code, String reason) implements Verdict {}

  static final String NOT_PAIN_RELEVANT =
      "Relief keeps procedures done elsewhere when they matter to pain care (its procedure"
          + " catalogue, their CPT codes, and a few SNOMED CT therapies such as physical therapy);"
          + " this Procedure's code is not one of them.";

  /** The rules: what to do with {@code reported}, received at {@code now}. */
  static Verdict judge(Reported reported, ProcedureCatalogue catalogue, Instant now) {
    Optional<Code> kept = keptCode(reported.codings(), catalogue);
    if (kept.isEmpty()) {
      return new Skip(NOT_PAIN_RELEVANT);
    }
    String status = reported.status() == null ? "completed" : reported.status();
    if ("entered-in-error".equals(status)) {
      return new Skip("A Procedure entered in error is not kept.");
    }
    if (!STATUSES.contains(status)) {
      return new Refuse(
          "invalid-status", "The Procedure's status " + status + " is not a FHIR R4 status.");
    }
    Instant latest = now.plusSeconds(CLOCK_LEEWAY_SECONDS);
    Instant start = reported.start();
    Instant end = reported.end();
    if ((start != null && start.isAfter(latest)) || (end != null && end.isAfter(latest))) {
      return new Refuse(
          "performed-in-future", "A procedure done elsewhere cannot be performed in the future.");
    }
    if (start != null && end != null && end.isBefore(start)) {
      return new Refuse(
          "invalid-period", "The procedure's end is before its start; check the period.");
    }
    Code code = kept.get();
    String display =
        code.display() != null && !code.display().isEmpty()
            ? code.display()
            : reported.text() != null && !reported.text().isEmpty() ? reported.text() : code.code();
    return new Keep(code.system(), code.code(), display, status, start, end);
  }

  /** The coding to keep the procedure under, or empty when Relief does not keep it. */
  static Optional<Code> keptCode(List<Code> codings, ProcedureCatalogue catalogue) {
    for (Code c : codings) {
      if (c.code() == null || c.code().isEmpty()) {
        continue;
      }
      if (ProcedureMapper.CATALOGUE.equals(c.system()) && catalogue.find(c.code()).isPresent()) {
        return Optional.of(new Code(c.system(), c.code(), catalogue.require(c.code()).name()));
      }
      if (ProcedureMapper.CPT.equals(c.system())
          && catalogue.all().stream()
              .flatMap(t -> t.cptCodes().stream())
              .map(CptCode::code)
              .anyMatch(c.code()::equals)) {
        return Optional.of(c);
      }
      if (ProcedureMapper.SNOMED.equals(c.system()) && SNOMED_THERAPIES.containsKey(c.code())) {
        return Optional.of(
            new Code(
                c.system(),
                c.code(),
                c.display() != null && !c.display().isEmpty()
                    ? c.display()
                    : SNOMED_THERAPIES.get(c.code())));
      }
    }
    return Optional.empty();
  }
}
