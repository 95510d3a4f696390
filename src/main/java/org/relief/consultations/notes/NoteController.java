package org.relief.consultations.notes;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.relief.consultations.ReliefExpectations;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientConditions;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.ProcedureCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class NoteController {

  private final VisitNotes notes;
  private final PatientRegistry patients;
  private final PatientConditions conditions;
  private final UserAccounts accounts;
  private final ProcedureCatalogue catalogue;
  private final PracticeSettings practice;
  private final ReliefExpectations expectations;

  NoteController(
      VisitNotes notes,
      PatientRegistry patients,
      PatientConditions conditions,
      UserAccounts accounts,
      ProcedureCatalogue catalogue,
      PracticeSettings practice,
      ReliefExpectations expectations) {
    this.expectations = expectations;
    this.notes = notes;
    this.patients = patients;
    this.conditions = conditions;
    this.accounts = accounts;
    this.catalogue = catalogue;
    this.practice = practice;
  }

  /** The note as typed; {@code expectedRelief} is a whole percentage. */
  record NoteForm(
      String presentIllness,
      String examFindings,
      String imagingReviewed,
      String assessment,
      String freeText,
      String functionalGoals,
      Integer expectedRelief,
      List<Long> diagnosisIds) {

    NoteDraft draft() {
      return new NoteDraft(
          presentIllness,
          examFindings,
          imagingReviewed,
          assessment,
          freeText,
          functionalGoals,
          expectedRelief,
          diagnosisIds);
    }
  }

  /** A new plan item as typed. */
  record PlanItemForm(PlanItemKind kind, String procedureCode, String detail) {

    static PlanItemForm empty() {
      return new PlanItemForm(PlanItemKind.PROCEDURE, "", "");
    }
  }

  @GetMapping("/visits/{id}")
  String visit(@PathVariable long id, Principal principal, Model model) {
    return page(model, id, me(principal), null, PlanItemForm.empty(), null, "");
  }

  @PostMapping("/visits/{id}/note")
  String save(
      @PathVariable long id,
      NoteForm form,
      BindingResult binding,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    return write(id, form, binding, principal, model, response, false);
  }

  @PostMapping("/visits/{id}/sign")
  String sign(
      @PathVariable long id,
      NoteForm form,
      BindingResult binding,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    return write(id, form, binding, principal, model, response, true);
  }

  private String write(
      long id,
      NoteForm form,
      BindingResult binding,
      Principal principal,
      Model model,
      HttpServletResponse response,
      boolean sign) {
    UserAccount me = me(principal);
    NoteDraft draft = form.draft();
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(
          model,
          id,
          me,
          draft,
          PlanItemForm.empty(),
          "The expected relief is a whole percentage from 0 to 100, such as 50.",
          "");
    }
    try {
      if (sign) {
        notes.sign(id, me.id(), draft);
        return "redirect:/visits/" + id + "?signed";
      }
      notes.save(id, me.id(), draft);
      return "redirect:/visits/" + id + "?saved";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, id, me, draft, PlanItemForm.empty(), e.getMessage(), "");
    }
  }

  @PostMapping("/visits/{id}/plan")
  String addPlanItem(
      @PathVariable long id,
      PlanItemForm form,
      BindingResult binding,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    UserAccount me = me(principal);
    String error = null;
    try {
      if (binding.hasErrors()) {
        throw new RuleViolation("plan-kind-missing", "Choose the kind of plan item from the list.");
      }
      notes.addPlanItem(id, me.id(), form.kind(), form.procedureCode(), form.detail());
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      error = e.getMessage();
    }
    if (htmx == null && error == null) {
      return "redirect:/visits/" + id + "#plan";
    }
    PlanItemForm kept = error == null ? PlanItemForm.empty() : form;
    if (htmx != null) {
      model.addAttribute("planError", error);
      fill(model, id, me, null, kept, null, "");
      return "consultations/visit :: plan";
    }
    model.addAttribute("planError", error);
    return page(model, id, me, null, kept, null, "");
  }

  @PostMapping("/visits/{id}/plan/{itemId}/remove")
  String removePlanItem(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Principal principal,
      Model model) {
    UserAccount me = me(principal);
    notes.removePlanItem(id, itemId, me.id());
    if (htmx != null) {
      fill(model, id, me, null, PlanItemForm.empty(), null, "");
      return "consultations/visit :: plan";
    }
    return "redirect:/visits/" + id + "#plan";
  }

  @PostMapping("/visits/{id}/plan/{itemId}/status")
  String changeItemStatus(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(value = "status", required = false) String status,
      @RequestParam(value = "back", required = false) String back,
      Principal principal) {
    PlanItemStatus to;
    try {
      to = status == null ? null : PlanItemStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      to = null;
    }
    notes.changeItemStatus(id, itemId, me(principal).id(), to);
    return "today".equals(back) ? "redirect:/today" : "redirect:/visits/" + id + "#plan";
  }

  @PostMapping("/visits/{id}/addenda")
  String addAddendum(
      @PathVariable long id,
      @RequestParam(value = "text", required = false) String text,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    UserAccount me = me(principal);
    try {
      notes.addAddendum(id, me.id(), text);
      return "redirect:/visits/" + id + "#addenda";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, id, me, null, PlanItemForm.empty(), e.getMessage(), text);
    }
  }

  private String page(
      Model model,
      long id,
      UserAccount me,
      NoteDraft draft,
      PlanItemForm planForm,
      String error,
      String addendum) {
    fill(model, id, me, draft, planForm, error, addendum);
    return "consultations/visit";
  }

  private void fill(
      Model model,
      long id,
      UserAccount me,
      NoteDraft draft,
      PlanItemForm planForm,
      String error,
      String addendum) {
    VisitNotes.NoteView view = notes.open(id);
    ZoneId zone = practice.timeZone();
    var patient = patients.open(view.visit().patientId());
    boolean author = me.id() == view.visit().clinicianId();
    Map<Long, String> names = new HashMap<>();
    names.put(view.visit().clinicianId(), name(view.visit().clinicianId()));
    view.plan().forEach(i -> names.computeIfAbsent(i.ownerId(), this::name));
    view.addenda().forEach(a -> names.computeIfAbsent(a.authorId(), this::name));
    if (view.note().signedBy() != null) {
      names.computeIfAbsent(view.note().signedBy(), this::name);
    }
    Map<String, String> procedureNames = new HashMap<>();
    catalogue.all().forEach(t -> procedureNames.put(t.code(), t.name()));
    model.addAttribute("view", view);
    model.addAttribute("visit", view.visit());
    model.addAttribute("note", view.note());
    model.addAttribute("patient", patient);
    model.addAttribute("age", patient.ageOn(view.visit().startsAt().atZone(zone).toLocalDate()));
    model.addAttribute("starts", view.visit().startsAt().atZone(zone).toLocalDateTime());
    model.addAttribute("zone", zone);
    model.addAttribute("names", names);
    model.addAttribute(
        "draft",
        draft != null
            ? draft
            : NoteDraft.of(
                view.note(),
                view.diagnoses().stream()
                    .map(NoteRepository.LinkedDiagnosis::diagnosisId)
                    .toList()));
    model.addAttribute("conditions", conditions.of(view.visit().patientId()));
    model.addAttribute(
        "comparisons",
        view.note().signed() && view.note().expectedReliefPercent() != null
            ? expectations.ofVisit(id, view.visit().patientId())
            : List.of());
    model.addAttribute(
        "editable", author && !view.note().signed() && view.visit().status().holdsTime());
    model.addAttribute("author", author);
    model.addAttribute(
        "canAddend",
        view.note().signed()
            && (me.has(Role.PAIN_PHYSICIAN) || me.has(Role.SURGEON) || me.has(Role.NURSE)));
    model.addAttribute("procedures", catalogue.all());
    model.addAttribute("procedureNames", procedureNames);
    model.addAttribute("planKinds", PlanItemKind.values());
    model.addAttribute("planForm", planForm);
    model.addAttribute("error", error);
    model.addAttribute("addendum", addendum == null ? "" : addendum);
    model.addAttribute("activeNav", "today");
  }

  private String name(long userId) {
    try {
      return accounts.get(userId).displayName();
    } catch (NotFound e) {
      return "user " + userId;
    }
  }

  private UserAccount me(Principal principal) {
    return accounts.findByUsername(principal.getName()).orElseThrow();
  }
}
