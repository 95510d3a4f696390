package org.relief.procedures.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientConditions;
import org.relief.patients.PatientConditions.Condition;
import org.relief.patients.PatientRegistry;
import org.relief.platform.Role;
import org.relief.procedures.Complication;
import org.relief.procedures.Imaging;
import org.relief.procedures.Injectate;
import org.relief.procedures.InjectateDrug;
import org.relief.procedures.Laterality;
import org.relief.procedures.NoteDetails;
import org.relief.procedures.NoteDetails.Device;
import org.relief.procedures.NoteDetails.OperatorRole;
import org.relief.procedures.NoteDetails.RfParameters;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.ProcedureNotes;
import org.relief.procedures.Sedation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A history of performed procedures for the synthetic demo patients, each written as a complete
 * procedure note by one of the synthetic pain physicians, following the patient's diagnoses: a
 * radicular pain gets epidural injections, facet pain two medial branch blocks and then
 * radiofrequency ablation, failed back surgery a stimulator trial and implant, and so on. Every
 * completed note announces {@code ProcedurePerformed}, so follow-ups and outcomes fill themselves
 * as they would in a real practice. Fixed seed: the same history every time.
 */
@Component
@Profile("demo")
class DemoProcedureHistory {

  private static final Logger log = LoggerFactory.getLogger(DemoProcedureHistory.class);
  private static final int SHARE_PERCENT = 60;

  private final ProcedureNotes notes;
  private final ProcedureCatalogue catalogue;
  private final PatientRegistry patients;
  private final PatientConditions conditions;
  private final UserAccounts accounts;
  private final Clock clock;

  DemoProcedureHistory(
      ProcedureNotes notes,
      ProcedureCatalogue catalogue,
      PatientRegistry patients,
      PatientConditions conditions,
      UserAccounts accounts,
      Clock clock) {
    this.notes = notes;
    this.catalogue = catalogue;
    this.patients = patients;
    this.conditions = conditions;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** One procedure of a pathway: the type and the days after the pathway's first procedure. */
  private record Step(String type, int day) {}

  @EventListener
  @Order(50)
  void on(PracticeInstalled installed) {
    List<UserAccount> physicians =
        accounts.all().stream().filter(a -> a.has(Role.PAIN_PHYSICIAN)).toList();
    if (physicians.isEmpty()) {
      return;
    }
    Random random = new Random(20261124L + 50);
    LocalDate today = LocalDate.now(clock);
    int count = 0;
    for (long patientId : patients.syntheticPatientIds()) {
      if (random.nextInt(100) >= SHARE_PERCENT) {
        continue;
      }
      List<Step> pathway = pathwayFor(conditions.active(patientId), random);
      int span = pathway.get(pathway.size() - 1).day();
      LocalDate first = today.minusDays(span + 14 + random.nextInt(900));
      UserAccount operator = physicians.get(random.nextInt(physicians.size()));
      Laterality side = random.nextBoolean() ? Laterality.LEFT : Laterality.RIGHT;
      List<String> levels = null;
      for (Step step : pathway) {
        LocalDate on = first.plusDays(step.day());
        List<String> allowed = catalogue.require(step.type()).levels().allowed();
        if (levels == null || !allowed.containsAll(levels)) {
          levels = levelsFor(step.type(), allowed, random);
        }
        perform(patientId, operator, step.type(), on, levels, sideFor(step.type(), side), random);
        count++;
      }
    }
    log.info("Synthetic demo practice: {} performed procedures recorded", count);
  }

  private static List<Step> pathwayFor(List<Condition> active, Random random) {
    List<String> codes = active.stream().map(Condition::code).toList();
    if (any(codes, "M96.1")) {
      return List.of(new Step("scs-trial", 0), new Step("scs-implant", 35));
    }
    if (any(codes, "M47.816", "M47.817", "M54.50", "M54.59")) {
      return List.of(
          new Step("lumbar-mbb", 0), new Step("lumbar-mbb", 14), new Step("lumbar-rfa", 42));
    }
    if (any(codes, "M47.812", "M54.2")) {
      return List.of(
          new Step("cervical-mbb", 0), new Step("cervical-mbb", 14), new Step("cervical-rfa", 45));
    }
    if (any(codes, "M54.12", "M50.1")) {
      return repeat("cervical-ilesi", 1 + random.nextInt(2));
    }
    if (any(codes, "M48.06")) {
      return repeat("lumbar-ilesi", 1 + random.nextInt(3));
    }
    if (any(codes, "M46.1", "M53.3")) {
      return repeat("si-joint-injection", 1 + random.nextInt(2));
    }
    if (any(codes, "G90.52")) {
      return repeat("lumbar-sympathetic-block", 2);
    }
    if (any(codes, "G89.4", "M79")) {
      return repeat("trigger-point-injection", 1 + random.nextInt(3));
    }
    return repeat("lumbar-tfesi", 1 + random.nextInt(3));
  }

  private static List<Step> repeat(String type, int times) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      steps.add(new Step(type, i * 120));
    }
    return steps;
  }

  private static boolean any(List<String> codes, String... prefixes) {
    for (String code : codes) {
      for (String prefix : prefixes) {
        if (code.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> levelsFor(String type, List<String> allowed, Random random) {
    if (allowed.isEmpty()) {
      return List.of();
    }
    int wanted =
        switch (type) {
          case "lumbar-mbb", "cervical-mbb", "lumbar-rfa", "cervical-rfa" -> 2;
          case "lumbar-tfesi" -> 1 + random.nextInt(2);
          default -> 1;
        };
    if (type.equals("lumbar-sympathetic-block")) {
      return List.of("L3");
    }
    int start = allowed.size() > wanted ? random.nextInt(allowed.size() - wanted + 1) : 0;
    if (type.startsWith("lumbar") && allowed.size() > 3) {
      start = Math.max(start, allowed.size() - 3);
      start = Math.min(start, allowed.size() - wanted);
    }
    return allowed.subList(start, Math.min(allowed.size(), start + wanted));
  }

  private static Laterality sideFor(String type, Laterality side) {
    return switch (type) {
      case "lumbar-ilesi", "cervical-ilesi", "caudal-esi", "scs-trial", "scs-implant" ->
          Laterality.MIDLINE;
      case "lumbar-mbb", "cervical-mbb", "lumbar-rfa", "cervical-rfa" -> Laterality.BILATERAL;
      default -> side;
    };
  }

  private void perform(
      long patientId,
      UserAccount operator,
      String type,
      LocalDate on,
      List<String> levels,
      Laterality side,
      Random random) {
    ProcedureNote draft =
        notes.startSynthetic(
            new ProcedureNotes.Start(patientId, type, null, operator.id(), on, levels, side));
    boolean diagnostic = type.endsWith("-mbb");
    boolean fluoroscopic = !type.equals("trigger-point-injection");
    int pre = 5 + random.nextInt(5);
    int post = Math.max(0, pre - (diagnostic ? 5 + random.nextInt(3) : 1 + random.nextInt(4)));
    NoteDetails details =
        new NoteDetails(
            on,
            OperatorRole.PRIMARY,
            null,
            levels,
            side,
            approachFor(type),
            fluoroscopic ? Imaging.FLUOROSCOPY : Imaging.NONE,
            fluoroscopic ? BigDecimal.valueOf(80 + random.nextInt(500), 1) : null,
            fluoroscopic ? BigDecimal.valueOf(10 + random.nextInt(140), 1) : null,
            contrastFor(type),
            contrastFor(type) == null ? null : BigDecimal.valueOf(10 + random.nextInt(20), 1),
            injectatesFor(type, random),
            type.endsWith("-rfa")
                ? new RfParameters("conventional", 80, 90, levels.size() * 4)
                : null,
            deviceFor(type, random),
            type.equals("trigger-point-injection") ? 2 + random.nextInt(4) : null,
            sedationFor(type),
            sedationFor(type) == Sedation.NONE ? null : "midazolam 2 mg IV",
            random.nextInt(30) == 0 ? Set.of(Complication.VASOVAGAL) : Set.of(),
            null,
            pre,
            post,
            "Synthetic demo note.");
    ProcedureNote saved = notes.save(draft.id(), draft.version(), details);
    notes.complete(saved.id(), saved.version(), operator.id());
  }

  private static String approachFor(String type) {
    return switch (type) {
      case "lumbar-tfesi" -> "transforaminal, subpedicular";
      case "lumbar-ilesi", "cervical-ilesi" -> "interlaminar, paramedian";
      case "lumbar-mbb", "cervical-mbb" -> "posterior, at the medial branch target";
      case "lumbar-rfa", "cervical-rfa" -> "posterior, parallel to the medial branch";
      case "scs-trial", "scs-implant" -> "percutaneous, retrograde-free midline entry";
      case "lumbar-sympathetic-block" -> "oblique, anterolateral vertebral body";
      default -> null;
    };
  }

  private static String contrastFor(String type) {
    return switch (type) {
      case "trigger-point-injection", "lumbar-rfa", "cervical-rfa", "scs-implant" -> null;
      default -> "iohexol 240";
    };
  }

  private static List<Injectate> injectatesFor(String type, Random random) {
    return switch (type) {
      case "lumbar-tfesi" ->
          List.of(
              new Injectate(InjectateDrug.DEXAMETHASONE, mg("10"), ml("1")),
              new Injectate(InjectateDrug.LIDOCAINE, mg("10"), ml("1")));
      case "lumbar-ilesi", "cervical-ilesi" ->
          List.of(
              random.nextBoolean()
                  ? new Injectate(InjectateDrug.TRIAMCINOLONE, mg("80"), ml("2"))
                  : new Injectate(InjectateDrug.DEXAMETHASONE, mg("10"), ml("1")),
              new Injectate(InjectateDrug.SALINE, null, ml("3")));
      case "si-joint-injection" ->
          List.of(
              new Injectate(InjectateDrug.TRIAMCINOLONE, mg("40"), ml("1")),
              new Injectate(InjectateDrug.BUPIVACAINE, mg("5"), ml("2")));
      case "lumbar-mbb", "cervical-mbb" ->
          List.of(new Injectate(InjectateDrug.BUPIVACAINE, mg("5"), ml("1")));
      case "lumbar-rfa", "cervical-rfa" ->
          List.of(new Injectate(InjectateDrug.LIDOCAINE, mg("40"), ml("2")));
      case "lumbar-sympathetic-block" ->
          List.of(new Injectate(InjectateDrug.BUPIVACAINE, mg("25"), ml("10")));
      case "trigger-point-injection" ->
          List.of(new Injectate(InjectateDrug.LIDOCAINE, mg("50"), ml("5")));
      case "scs-trial", "scs-implant" ->
          List.of(new Injectate(InjectateDrug.LIDOCAINE, mg("100"), ml("10")));
      default -> List.of();
    };
  }

  private static Device deviceFor(String type, Random random) {
    return switch (type) {
      case "scs-trial" ->
          new Device("Synthetic Neuro Co.", "SN-Trial 8", 2, "SN-8 percutaneous", null, null);
      case "scs-implant" ->
          new Device(
              "Synthetic Neuro Co.",
              "SN-Rechargeable 16",
              2,
              "SN-8 percutaneous",
              "SN-IPG 16",
              "SYN" + (100000 + random.nextInt(900000)));
      default -> null;
    };
  }

  private static Sedation sedationFor(String type) {
    return switch (type) {
      case "lumbar-rfa", "cervical-rfa" -> Sedation.MINIMAL;
      case "scs-trial", "scs-implant" -> Sedation.MODERATE;
      default -> Sedation.NONE;
    };
  }

  private static BigDecimal mg(String value) {
    return new BigDecimal(value);
  }

  private static BigDecimal ml(String value) {
    return new BigDecimal(value);
  }
}
