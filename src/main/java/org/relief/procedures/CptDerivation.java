package org.relief.procedures;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives the codes and units of a procedure from what the note records: the levels (or joints)
 * treated, the side, the image guidance, and for some procedures the muscles injected, leads placed
 * or generator implanted. The unit rules are those of clinical-rules.md §5d as the catalogue words
 * them ({@link UnitBasis}); most §5d rows are unconfirmed, and every line says so.
 *
 * <p>Design notes. A code whose wording depends on guidance ("with imaging" / "without imaging"),
 * on the region of the first level (cervicothoracic/thoracic or lumbar/lumbosacral) or on the
 * technique of vertebral augmentation applies only when the note matches it. A code that depends on
 * a choice the note does not hold (the pump implanted, a payer's variant, a paddle lead) is offered
 * without units for the coder to decide. Bilateral level-based codes carry modifier 50, which
 * payers handle differently: the line says to confirm with the payer.
 */
public final class CptDerivation {

  private CptDerivation() {}

  /** What the note records that the codes depend on. */
  public record Facts(
      List<String> levels,
      Laterality laterality,
      Imaging imaging,
      String approach,
      Integer musclesInjected,
      Integer leads,
      boolean generatorImplanted) {

    public Facts {
      levels = levels == null ? List.of() : List.copyOf(levels);
    }
  }

  /**
   * One derived line.
   *
   * @param units how many units to report, or {@code null} for a code left to the coder's choice
   * @param modifier a modifier to add, or {@code null}
   * @param confirmed whether the §5d row is confirmed
   * @param remark why the line is as it is, in a coder's words, or {@code null}
   */
  public record CodedLine(
      String code,
      Integer units,
      String modifier,
      String description,
      boolean confirmed,
      String remark) {}

  /** The lines for a procedure of this type with these facts, in catalogue order. */
  public static List<CodedLine> derive(ProcedureType type, Facts facts) {
    List<CodedLine> lines = new ArrayList<>();
    int levels = facts.levels().size();
    boolean bilateral = facts.laterality() == Laterality.BILATERAL;
    for (CptCode code : type.cptCodes()) {
      if (!applies(code, facts)) {
        continue;
      }
      boolean confirmed = code.provenance().confirmed();
      UnitBasis basis = code.basis();
      if (basis == UnitBasis.CHOICE) {
        lines.add(
            new CodedLine(
                code.code(),
                null,
                null,
                code.description(),
                confirmed,
                "choose: " + code.unitRule()));
        continue;
      }
      int units = units(basis, levels, bilateral, facts);
      if (units == 0) {
        continue;
      }
      boolean levelBased =
          switch (basis) {
            case FIRST_LEVEL, SECOND_LEVEL, THIRD_AND_FURTHER_LEVELS, EACH_ADDITIONAL_LEVEL -> true;
            default -> false;
          };
      lines.add(
          new CodedLine(
              code.code(),
              units,
              levelBased && bilateral ? "50" : null,
              code.description(),
              confirmed,
              levelBased && bilateral
                  ? "bilateral: modifier 50 — confirm how the payer wants bilateral levels"
                  : null));
    }
    return lines;
  }

  private static int units(UnitBasis basis, int levels, boolean bilateral, Facts facts) {
    int muscles = facts.musclesInjected() == null ? 0 : facts.musclesInjected();
    return switch (basis) {
      case FIRST_LEVEL -> levels >= 1 ? 1 : 0;
      case SECOND_LEVEL -> levels >= 2 ? 1 : 0;
      case THIRD_AND_FURTHER_LEVELS -> levels >= 3 ? 1 : 0;
      case EACH_ADDITIONAL_LEVEL -> Math.max(levels - 1, 0);
      case PER_SESSION -> 1;
      case PER_SIDE -> bilateral ? 2 : 1;
      case ONE_OR_TWO_MUSCLES -> muscles >= 1 && muscles <= 2 ? 1 : 0;
      case THREE_OR_MORE_MUSCLES -> muscles >= 3 ? 1 : 0;
      case PER_LEAD -> facts.leads() == null ? 0 : facts.leads();
      case PER_GENERATOR -> facts.generatorImplanted() ? 1 : 0;
      case CHOICE -> 0;
    };
  }

  private static boolean applies(CptCode code, Facts facts) {
    String description = code.description().toLowerCase(java.util.Locale.ROOT);
    boolean guided = facts.imaging() != null && facts.imaging() != Imaging.NONE;
    if (description.contains("without imaging") && guided) {
      return false;
    }
    if (!description.contains("without imaging")
        && (description.contains("with imaging") || description.contains("with image guidance"))
        && !guided) {
      return false;
    }
    String approach =
        facts.approach() == null ? "" : facts.approach().toLowerCase(java.util.Locale.ROOT);
    if (description.startsWith("vertebroplasty") && !approach.contains("vertebroplasty")) {
      return false;
    }
    if (description.contains("kyphoplasty") && !approach.contains("kyphoplasty")) {
      return false;
    }
    if (description.contains("first level")
        && (description.startsWith("vertebroplasty") || description.contains("kyphoplasty"))) {
      String first = facts.levels().isEmpty() ? "" : facts.levels().get(0);
      boolean thoracic = first.startsWith("T") || first.startsWith("C");
      boolean regionThoracic =
          description.contains("cervicothoracic") || description.contains("thoracic,");
      return thoracic == regionThoracic;
    }
    return true;
  }
}
