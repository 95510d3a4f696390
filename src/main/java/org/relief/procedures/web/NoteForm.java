package org.relief.procedures.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relief.platform.RuleViolation;
import org.relief.procedures.Complication;
import org.relief.procedures.Imaging;
import org.relief.procedures.Injectate;
import org.relief.procedures.InjectateDrug;
import org.relief.procedures.Laterality;
import org.relief.procedures.NoteDetails;
import org.relief.procedures.NoteDetails.Device;
import org.relief.procedures.NoteDetails.OperatorRole;
import org.relief.procedures.NoteDetails.RfParameters;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.Sedation;

/**
 * The procedure note form as typed. Every value arrives as text so that a wrong entry is answered
 * with a message naming the field, and the form comes back with what was typed.
 */
record NoteForm(
    Integer version,
    String action,
    String performedOn,
    String operatorRole,
    String supervisor,
    List<String> levels,
    String laterality,
    String approach,
    String imaging,
    String fluoroSeconds,
    String fluoroDoseMgy,
    String contrastAgent,
    String contrastMl,
    List<InjectateLine> injectates,
    String rfMode,
    String rfTemperature,
    String rfSeconds,
    String rfLesions,
    String deviceManufacturer,
    String deviceModel,
    String leadCount,
    String leadModel,
    String generatorModel,
    String generatorSerial,
    String muscles,
    String sedation,
    String sedationDrugs,
    List<String> complications,
    String complicationNote,
    String preNrs,
    String postNrs,
    String note) {

  /** Rows the form offers for injectates. */
  static final int INJECTATE_ROWS = 4;

  NoteForm {
    levels = levels == null ? List.of() : List.copyOf(levels);
    complications = complications == null ? List.of() : List.copyOf(complications);
    List<InjectateLine> rows = new ArrayList<>(injectates == null ? List.of() : injectates);
    rows.replaceAll(r -> r == null ? InjectateLine.EMPTY : r);
    while (rows.size() < INJECTATE_ROWS) {
      rows.add(InjectateLine.EMPTY);
    }
    injectates = List.copyOf(rows);
  }

  /** One injectate row as typed. */
  record InjectateLine(String drug, String doseMg, String volumeMl) {
    static final InjectateLine EMPTY = new InjectateLine("", "", "");

    boolean blank() {
      return isBlank(drug) && isBlank(doseMg) && isBlank(volumeMl);
    }
  }

  /** The form filled with a saved note. */
  static NoteForm of(ProcedureNote note) {
    NoteDetails d = note.details();
    RfParameters rf = d.rf();
    Device device = d.device();
    return new NoteForm(
        note.version(),
        null,
        text(d.performedOn()),
        d.operatorRole().code(),
        text(d.supervisorUserId()),
        d.levels(),
        d.laterality().code(),
        d.approach(),
        d.imaging() == null ? null : d.imaging().name(),
        text(d.fluoroSeconds()),
        text(d.fluoroDoseMgy()),
        d.contrastAgent(),
        text(d.contrastMl()),
        d.injectates().stream()
            .map(i -> new InjectateLine(i.drug().code(), text(i.doseMg()), text(i.volumeMl())))
            .toList(),
        rf == null ? null : rf.mode(),
        rf == null ? null : text(rf.temperatureC()),
        rf == null ? null : text(rf.seconds()),
        rf == null ? null : text(rf.lesions()),
        device == null ? null : device.manufacturer(),
        device == null ? null : device.model(),
        device == null ? null : text(device.leadCount()),
        device == null ? null : device.leadModel(),
        device == null ? null : device.generatorModel(),
        device == null ? null : device.generatorSerial(),
        text(d.musclesInjected()),
        d.sedation() == null ? null : d.sedation().name(),
        d.sedationDrugs(),
        d.complications().stream().map(Enum::name).sorted().toList(),
        d.complicationNote(),
        text(d.preProcedureNrs()),
        text(d.postProcedureNrs()),
        d.note());
  }

  /** The details as typed; a 422 naming the field for anything that is not a valid value. */
  NoteDetails toDetails() {
    List<Injectate> lines = new ArrayList<>();
    int row = 0;
    for (InjectateLine line : injectates) {
      row++;
      if (line.blank()) {
        continue;
      }
      int number = row;
      InjectateDrug drug =
          InjectateDrug.fromCode(trim(line.drug()))
              .orElseThrow(
                  () ->
                      new RuleViolation(
                          "unknown-injectate",
                          "Choose the drug of injectate row %d from the list.".formatted(number)));
      lines.add(
          new Injectate(
              drug,
              decimal(line.doseMg(), "the dose (mg) of " + drug.code()),
              decimal(line.volumeMl(), "the volume (ml) of " + drug.code())));
    }
    Set<Complication> chosen = EnumSet.noneOf(Complication.class);
    for (String c : complications) {
      chosen.add(choice(Complication.class, c, "complication"));
    }
    String rfModeValue = trim(rfMode);
    Integer rfTemp = whole(rfTemperature, "the RF temperature (°C)");
    Integer rfSec = whole(rfSeconds, "the RF duration (seconds)");
    Integer rfCount = whole(rfLesions, "the number of RF lesions");
    RfParameters rf =
        rfModeValue == null && rfTemp == null && rfSec == null && rfCount == null
            ? null
            : new RfParameters(rfModeValue, rfTemp, rfSec, rfCount);
    Integer leads = whole(leadCount, "the number of leads");
    Device device =
        allBlank(
                deviceManufacturer,
                deviceModel,
                leadCount,
                leadModel,
                generatorModel,
                generatorSerial)
            ? null
            : new Device(
                trim(deviceManufacturer),
                trim(deviceModel),
                leads,
                trim(leadModel),
                trim(generatorModel),
                trim(generatorSerial));
    if (rfModeValue != null && !List.of("conventional", "cooled", "pulsed").contains(rfModeValue)) {
      throw new RuleViolation(
          "invalid-rf-mode", "Choose the RF mode: conventional, cooled or pulsed.");
    }
    return new NoteDetails(
        date(performedOn),
        OperatorRole.fromCode(trim(operatorRole)),
        wholeLong(supervisor, "the supervising physician"),
        levels,
        trim(laterality) == null ? null : Laterality.fromCode(trim(laterality)),
        trim(approach),
        trim(imaging) == null ? null : choice(Imaging.class, imaging, "image guidance"),
        decimal(fluoroSeconds, "the fluoroscopy time (seconds)"),
        decimal(fluoroDoseMgy, "the fluoroscopy dose (mGy)"),
        trim(contrastAgent),
        decimal(contrastMl, "the contrast volume (ml)"),
        lines,
        rf,
        device,
        whole(muscles, "the number of muscles injected"),
        trim(sedation) == null ? null : choice(Sedation.class, sedation, "sedation"),
        trim(sedationDrugs),
        chosen,
        trim(complicationNote),
        whole(preNrs, "the pain score before"),
        whole(postNrs, "the pain score after"),
        trim(note));
  }

  boolean completing() {
    return "complete".equals(action);
  }

  private static LocalDate date(String value) {
    String v = trim(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "invalid-date", "The procedure date must be a date such as 2026-11-24.");
    }
  }

  private static BigDecimal decimal(String value, String what) {
    String v = trim(value);
    if (v == null) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(v.replace(',', '.'));
      if (number.signum() < 0) {
        throw new RuleViolation("negative-value", "Give %s as a positive number.".formatted(what));
      }
      if (number.compareTo(new BigDecimal("100000")) >= 0) {
        throw new RuleViolation("value-too-large", "%s is too large: %s.".formatted(what, v));
      }
      return number;
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-number", "Give %s as a number, e.g. 2.5; \"%s\" is not one.".formatted(what, v));
    }
  }

  private static Integer whole(String value, String what) {
    String v = trim(value);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-number", "Give %s as a whole number; \"%s\" is not one.".formatted(what, v));
    }
  }

  private static Long wholeLong(String value, String what) {
    Integer n = whole(value, what);
    return n == null ? null : n.longValue();
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String what) {
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("invalid-choice", "Choose the %s from the list.".formatted(what));
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean allBlank(String... values) {
    for (String v : values) {
      if (!isBlank(v)) {
        return false;
      }
    }
    return true;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value == null ? null : value.toString();
  }
}
