package org.relief.procedures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.Complication;
import org.relief.procedures.Imaging;
import org.relief.procedures.InjectateDrug;
import org.relief.procedures.Laterality;
import org.relief.procedures.NoteDetails;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.ProcedureNotes;
import org.relief.procedures.ProcedureType;
import org.relief.procedures.Sedation;
import org.relief.procedures.SteroidExposure;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Starting, writing and completing procedure notes. */
@Controller
class ProcedureNoteController {

  private final ProcedureNotes notes;
  private final ProcedureCatalogue catalogue;
  private final SteroidExposure steroids;
  private final PatientRegistry patients;
  private final UserAccounts accounts;
  private final Clock clock;
  private final PracticeSettings practice;

  ProcedureNoteController(
      ProcedureNotes notes,
      ProcedureCatalogue catalogue,
      SteroidExposure steroids,
      PatientRegistry patients,
      UserAccounts accounts,
      Clock clock,
      PracticeSettings practice) {
    this.notes = notes;
    this.catalogue = catalogue;
    this.steroids = steroids;
    this.patients = patients;
    this.accounts = accounts;
    this.clock = clock;
    this.practice = practice;
  }

  /** The start form as typed. */
  record StartForm(
      Long patient,
      String procedureType,
      String performedOn,
      Long operator,
      List<String> levels,
      String laterality) {}

  @GetMapping("/procedures/notes/new")
  String startForm(
      @RequestParam long patient,
      @RequestParam(required = false) String type,
      Principal principal,
      Model model) {
    UserAccount me = me(principal);
    StartForm form =
        new StartForm(
            patient,
            type,
            today().toString(),
            isPhysician(me) ? me.id() : null,
            List.of(),
            Laterality.NOT_APPLICABLE.code());
    return startPage(form, null, model);
  }

  @PostMapping("/procedures/notes")
  String start(StartForm form, Model model, HttpServletResponse response) {
    try {
      if (form.patient() == null) {
        throw new RuleViolation("patient-missing", "Open the note from the patient's chart.");
      }
      if (form.operator() == null) {
        throw new RuleViolation("operator-missing", "Choose the physician doing the procedure.");
      }
      LocalDate on;
      try {
        on = LocalDate.parse(form.performedOn());
      } catch (RuntimeException e) {
        throw new RuleViolation(
            "invalid-date", "The procedure date must be a date such as 2026-11-24.");
      }
      ProcedureNote note =
          notes.start(
              new ProcedureNotes.Start(
                  form.patient(),
                  form.procedureType(),
                  null,
                  form.operator(),
                  on,
                  form.levels(),
                  form.laterality() == null
                      ? Laterality.NOT_APPLICABLE
                      : Laterality.fromCode(form.laterality())));
      return "redirect:/procedures/notes/" + note.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return startPage(form, e.getMessage(), model);
    }
  }

  @GetMapping("/procedures/notes/{id}")
  String show(@PathVariable long id, Model model) {
    ProcedureNote note = notes.get(id);
    return notePage(note, NoteForm.of(note), null, model);
  }

  @PostMapping("/procedures/notes/{id}")
  String save(
      @PathVariable long id,
      NoteForm form,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    ProcedureNote note = notes.get(id);
    try {
      int version = form.version() == null ? -1 : form.version();
      ProcedureNote saved = note.completed() ? note : notes.save(id, version, form.toDetails());
      if (form.completing()) {
        notes.complete(id, saved.version(), me(principal).id());
        return "redirect:/procedures/notes/" + id + "?completed";
      }
      return "redirect:/procedures/notes/" + id + "?saved";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      ProcedureNote current = notes.get(id);
      NoteForm kept = keepTyped(form, current);
      return notePage(current, kept, e.getMessage(), model);
    }
  }

  /** The codes and units of the note as typed so far, for the note page (htmx). */
  @PostMapping("/procedures/notes/{id}/coding")
  String coding(
      @PathVariable long id,
      NoteForm form,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    ProcedureNote note = notes.get(id);
    model.addAttribute("note", note);
    try {
      NoteDetails details = form.toDetails();
      ProcedureNote asTyped =
          new ProcedureNote(
              note.id(),
              note.patientId(),
              note.procedureType(),
              note.bookingId(),
              note.operatorUserId(),
              note.completed(),
              note.completedAt(),
              note.version(),
              details);
      model.addAttribute("coding", notes.coding(asTyped));
      model.addAttribute(
          "noteSteroidMg", steroids.methylprednisoloneEquivalent(details.injectates()));
    } catch (RuleViolation e) {
      model.addAttribute("coding", notes.coding(note));
      model.addAttribute("codingError", e.getMessage());
      model.addAttribute(
          "noteSteroidMg", steroids.methylprednisoloneEquivalent(note.details().injectates()));
    }
    model.addAttribute(
        "exposure", steroids.forPatient(note.patientId(), note.details().performedOn()));
    return "procedures/note-derived :: derived";
  }

  private String startPage(StartForm form, String error, Model model) {
    model.addAttribute("patient", patients.open(form.patient()));
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("types", catalogue.all());
    model.addAttribute("physicians", physicians(accounts.all()));
    model.addAttribute("sides", Laterality.values());
    model.addAttribute("activeNav", "procedures");
    return "procedures/note-start";
  }

  private String notePage(ProcedureNote note, NoteForm form, String error, Model model) {
    ProcedureType type = catalogue.require(note.procedureType());
    model.addAttribute("patient", patients.open(note.patientId()));
    model.addAttribute("note", note);
    model.addAttribute("type", type);
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("coding", notes.coding(note));
    model.addAttribute(
        "exposure", steroids.forPatient(note.patientId(), note.details().performedOn()));
    model.addAttribute(
        "noteSteroidMg", steroids.methylprednisoloneEquivalent(note.details().injectates()));
    List<UserAccount> everyone = accounts.all();
    model.addAttribute("physicians", physicians(everyone));
    model.addAttribute(
        "names",
        everyone.stream().collect(Collectors.toMap(UserAccount::id, UserAccount::displayName)));
    model.addAttribute("sides", Laterality.values());
    model.addAttribute("imagings", Imaging.values());
    model.addAttribute("sedations", Sedation.values());
    model.addAttribute("complications", Complication.values());
    model.addAttribute("drugs", InjectateDrug.values());
    model.addAttribute("recordsRf", ProcedureNotes.recordsRf(type.code()));
    model.addAttribute("recordsDevice", ProcedureNotes.recordsDevice(type.code()));
    model.addAttribute("recordsMuscles", ProcedureNotes.recordsMuscles(type.code()));
    model.addAttribute("timeZone", practice.timeZone());
    model.addAttribute("activeNav", "procedures");
    return "procedures/note";
  }

  /** After a refused save, what was typed, on the version the form was made from. */
  private static NoteForm keepTyped(NoteForm typed, ProcedureNote current) {
    return typed.version() == null ? NoteForm.of(current) : typed;
  }

  private static List<UserAccount> physicians(List<UserAccount> everyone) {
    return everyone.stream()
        .filter(UserAccount::enabled)
        .filter(ProcedureNoteController::isPhysician)
        .toList();
  }

  private static boolean isPhysician(UserAccount account) {
    return account.has(Role.PAIN_PHYSICIAN) || account.has(Role.SURGEON);
  }

  private UserAccount me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new RuleViolation("no-account", "Your account was not found."));
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
