package org.relief.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a procedure note says, as the operator fills it in. A draft may leave parts empty;
 * completing the note checks that everything the procedure needs is there.
 *
 * @param operatorRole whether the operator did it as the attending or under supervision
 * @param supervisorUserId the supervising physician when the operator was supervised
 * @param approach the route taken, e.g. "transforaminal, subpedicular" or "kyphoplasty"
 * @param fluoroSeconds fluoroscopy time in seconds
 * @param fluoroDoseMgy cumulative air kerma in mGy as the C-arm reports it
 */
public record NoteDetails(
    LocalDate performedOn,
    OperatorRole operatorRole,
    Long supervisorUserId,
    List<String> levels,
    Laterality laterality,
    String approach,
    Imaging imaging,
    BigDecimal fluoroSeconds,
    BigDecimal fluoroDoseMgy,
    String contrastAgent,
    BigDecimal contrastMl,
    List<Injectate> injectates,
    RfParameters rf,
    Device device,
    Integer musclesInjected,
    Sedation sedation,
    String sedationDrugs,
    Set<Complication> complications,
    String complicationNote,
    Integer preProcedureNrs,
    Integer postProcedureNrs,
    String note) {

  public NoteDetails {
    levels = levels == null ? List.of() : List.copyOf(levels);
    injectates = injectates == null ? List.of() : List.copyOf(injectates);
    complications = complications == null ? Set.of() : Set.copyOf(complications);
    operatorRole = operatorRole == null ? OperatorRole.PRIMARY : operatorRole;
  }

  /** The same details with these injectates. */
  public NoteDetails withInjectates(List<Injectate> given) {
    return new NoteDetails(
        performedOn,
        operatorRole,
        supervisorUserId,
        levels,
        laterality,
        approach,
        imaging,
        fluoroSeconds,
        fluoroDoseMgy,
        contrastAgent,
        contrastMl,
        given,
        rf,
        device,
        musclesInjected,
        sedation,
        sedationDrugs,
        complications,
        complicationNote,
        preProcedureNrs,
        postProcedureNrs,
        note);
  }

  /** A fresh draft for a procedure on this day at these levels and side. */
  public static NoteDetails draft(LocalDate on, List<String> levels, Laterality laterality) {
    return new NoteDetails(
        on,
        OperatorRole.PRIMARY,
        null,
        levels,
        laterality,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        Set.of(),
        null,
        null,
        null,
        null);
  }

  /** How the operator took part. */
  public enum OperatorRole {
    PRIMARY("primary"),
    SUPERVISED("supervised");

    private final String code;

    OperatorRole(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static OperatorRole fromCode(String code) {
      return "supervised".equals(code) ? SUPERVISED : PRIMARY;
    }
  }

  /** Radiofrequency lesioning parameters. */
  public record RfParameters(String mode, Integer temperatureC, Integer seconds, Integer lesions) {}

  /** A stimulator or pump: the leads placed and the generator, if one was implanted. */
  public record Device(
      String manufacturer,
      String model,
      Integer leadCount,
      String leadModel,
      String generatorModel,
      String generatorSerial) {

    public boolean generatorImplanted() {
      return generatorModel != null && !generatorModel.isBlank();
    }
  }
}
