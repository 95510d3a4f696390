package org.relief.conferences.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.relief.conferences.ActionKind;
import org.relief.conferences.ActionStatus;
import org.relief.conferences.AwaitingConference;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.conferences.ConferenceCase;
import org.relief.conferences.RecommendationKind;
import org.relief.conferences.packet.CasePacket;
import org.relief.conferences.packet.CasePackets;
import org.relief.identity.UserAccount;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.relief.procedures.ProcedureCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Nominating a patient, and one case: its packet, and for attendees the forms that record the
 * discussion, the recommendation, dissent and the resulting actions.
 */
@Controller
class CaseController {

  private final CaseConferences conferences;
  private final CasePackets packets;
  private final PatientRegistry patients;
  private final ProcedureCatalogue catalogue;
  private final SignedIn signedIn;
  private final PracticeSettings practice;

  CaseController(
      CaseConferences conferences,
      CasePackets packets,
      PatientRegistry patients,
      ProcedureCatalogue catalogue,
      SignedIn signedIn,
      PracticeSettings practice) {
    this.conferences = conferences;
    this.packets = packets;
    this.patients = patients;
    this.catalogue = catalogue;
    this.signedIn = signedIn;
    this.practice = practice;
  }

  /** {@code requestId} names the request from a consultation being placed, if any. */
  record NominationForm(
      Long conferenceId,
      Long patientId,
      Long visitId,
      String question,
      String imagingReport,
      Integer ptWeeks,
      String medicationsTried,
      Long requestId) {}

  record RecommendationForm(
      String discussion,
      RecommendationKind kind,
      String operation,
      String procedure,
      String workUp,
      String conservative,
      String rationale) {

    static RecommendationForm of(ConferenceCase c) {
      RecommendationKind k = c.recommendation();
      String d = c.recommendedDetail();
      return new RecommendationForm(
          c.discussion(),
          k,
          k == RecommendationKind.SURGERY ? d : "",
          k == RecommendationKind.INTERVENTIONAL ? d : "",
          k == RecommendationKind.WORK_UP ? d : "",
          k == RecommendationKind.CONSERVATIVE ? d : "",
          c.rationale());
    }

    /** The detail that belongs to the chosen kind; the other fields are ignored. */
    String detail() {
      if (kind == null) {
        return null;
      }
      return switch (kind) {
        case SURGERY -> operation;
        case INTERVENTIONAL -> procedure;
        case WORK_UP -> workUp;
        case CONSERVATIVE -> conservative;
      };
    }
  }

  record DissentForm(Long userId, String note) {}

  record ActionForm(ActionKind kind, String description, Long ownerId) {}

  record StatusForm(ActionStatus status) {}

  // ---- nomination

  @GetMapping("/conferences/nominate")
  String nominateForm(
      @RequestParam long patient,
      @RequestParam(required = false) Long visit,
      @RequestParam(required = false) Long request,
      Authentication auth,
      Model model) {
    if (!model.containsAttribute("form")) {
      NominationForm form = new NominationForm(null, patient, visit, "", "", null, "", null);
      if (request != null) {
        AwaitingConference r = conferences.request(request);
        if (r.patientId() != patient) {
          throw new NotFound("There is no such request for this patient.");
        }
        form =
            new NominationForm(
                null, r.patientId(), r.visitId(), r.question(), "", null, "", r.id());
      }
      model.addAttribute("form", form);
    }
    model.addAttribute("patient", patients.open(patient));
    model.addAttribute("open", conferences.open());
    model.addAttribute("zone", practice.timeZone());
    model.addAttribute("activeNav", "conferences");
    return "conferences/nominate";
  }

  @PostMapping("/conferences/cases")
  String nominate(
      NominationForm form, Authentication auth, Model model, HttpServletResponse response) {
    if (form.patientId() == null) {
      throw new RuleViolation("missing-patient", "Nominate a patient from the patient's chart.");
    }
    try {
      if (form.conferenceId() == null) {
        throw new RuleViolation("missing-conference", "Choose the conference.");
      }
      CaseConferences.Nomination nomination =
          new CaseConferences.Nomination(
              form.conferenceId(),
              form.patientId(),
              form.visitId(),
              form.question(),
              form.imagingReport(),
              form.ptWeeks(),
              form.medicationsTried());
      long me = signedIn.me(auth).id();
      ConferenceCase c =
          form.requestId() == null
              ? conferences.nominate(nomination, me)
              : conferences.place(form.requestId(), nomination, me);
      return "redirect:/conferences/cases/" + c.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", form);
      return nominateForm(form.patientId(), form.visitId(), form.requestId(), auth, model);
    }
  }

  // ---- the case

  @GetMapping("/conferences/cases/{id}")
  String packet(@PathVariable long id, Authentication auth, Model model) {
    UserAccount me = signedIn.me(auth);
    CasePacket packet = packets.open(id, me.id());
    CaseConference conference = packet.conference();
    if (!model.containsAttribute("recommendation")) {
      model.addAttribute("recommendation", RecommendationForm.of(packet.theCase()));
    }
    if (!model.containsAttribute("dissentForm")) {
      model.addAttribute("dissentForm", new DissentForm(null, ""));
    }
    if (!model.containsAttribute("actionForm")) {
      model.addAttribute("actionForm", new ActionForm(null, "", null));
    }
    LocalDate day = conference.startsAt().atZone(practice.timeZone()).toLocalDate();
    model.addAttribute("packet", packet);
    model.addAttribute("c", packet.theCase());
    model.addAttribute("patient", packet.patient());
    model.addAttribute("me", me);
    model.addAttribute("attending", conference.attendedBy(me.id()));
    model.addAttribute("conferenceDay", day);
    model.addAttribute("recordable", conferences.dayReached(conference));
    model.addAttribute("people", signedIn.byId());
    model.addAttribute("staff", conferences.staff());
    model.addAttribute("kinds", RecommendationKind.values());
    model.addAttribute("actionKinds", ActionKind.values());
    model.addAttribute("statuses", ActionStatus.values());
    model.addAttribute("catalogue", catalogue.all());
    model.addAttribute("packets", packets);
    model.addAttribute("zone", practice.timeZone());
    model.addAttribute("activeNav", "conferences");
    return "conferences/case";
  }

  @PostMapping("/conferences/cases/{id}/recommendation")
  String recommend(
      @PathVariable long id,
      RecommendationForm form,
      Authentication auth,
      Model model,
      HttpServletResponse response) {
    try {
      conferences.recommend(
          id,
          new CaseConferences.Recommendation(
              form.discussion(), form.kind(), form.detail(), form.rationale()),
          signedIn.me(auth).id());
      return "redirect:/conferences/cases/" + id + "#recommendation";
    } catch (RuleViolation e) {
      return refused(id, e, "recommendation", form, auth, model, response);
    }
  }

  @PostMapping("/conferences/cases/{id}/dissent")
  String dissent(
      @PathVariable long id,
      DissentForm form,
      Authentication auth,
      Model model,
      HttpServletResponse response) {
    try {
      if (form.userId() == null) {
        throw new RuleViolation("missing-dissenter", "Choose who dissents.");
      }
      conferences.recordDissent(id, form.userId(), form.note(), signedIn.me(auth).id());
      return "redirect:/conferences/cases/" + id + "#dissent";
    } catch (RuleViolation e) {
      return refused(id, e, "dissentForm", form, auth, model, response);
    }
  }

  @PostMapping("/conferences/cases/{id}/actions")
  String action(
      @PathVariable long id,
      ActionForm form,
      Authentication auth,
      Model model,
      HttpServletResponse response) {
    try {
      conferences.addAction(
          id, form.kind(), form.description(), form.ownerId(), signedIn.me(auth).id());
      return "redirect:/conferences/cases/" + id + "#actions";
    } catch (RuleViolation e) {
      return refused(id, e, "actionForm", form, auth, model, response);
    }
  }

  @PostMapping("/conferences/actions/{actionId}/status")
  String status(
      @PathVariable long actionId,
      StatusForm form,
      @RequestParam(required = false) Long back,
      Authentication auth,
      RedirectAttributes redirect) {
    ConferenceCase.Action action = conferences.action(actionId);
    try {
      conferences.changeActionStatus(actionId, form.status(), signedIn.me(auth).id());
      redirect.addFlashAttribute("notice", "Action status changed.");
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return back != null
        ? "redirect:/conferences/" + back + "#follow-through"
        : "redirect:/conferences/cases/" + action.caseId() + "#actions";
  }

  private String refused(
      long id,
      RuleViolation e,
      String formName,
      Object form,
      Authentication auth,
      Model model,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("error", e.getMessage());
    model.addAttribute("errorAt", formName);
    model.addAttribute(formName, form);
    return packet(id, auth, model);
  }
}
