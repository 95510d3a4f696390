package org.relief.careers.applications;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.YearMonth;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.matching.JobMatch;
import org.relief.careers.matching.Matches;
import org.relief.careers.portfolio.Portfolios;
import org.relief.careers.specialists.FormValues;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A recruiter's pipeline of applications to their own organisation's postings. The candidate page
 * shows the employer's view of the profile ({@code CandidateProfile}, which has no preferences),
 * the portfolio and the requirement checks of the match — never the specialist's private
 * preferences or how the job fits them.
 */
@Controller
class PipelineController {

  private final Applications applications;
  private final JobPostings postings;
  private final SpecialistProfiles profiles;
  private final Portfolios portfolios;
  private final Matches matches;
  private final UserAccounts accounts;

  PipelineController(
      Applications applications,
      JobPostings postings,
      SpecialistProfiles profiles,
      Portfolios portfolios,
      Matches matches,
      UserAccounts accounts) {
    this.applications = applications;
    this.postings = postings;
    this.profiles = profiles;
    this.portfolios = portfolios;
    this.matches = matches;
    this.accounts = accounts;
  }

  @GetMapping("/careers/pipeline")
  String list(Principal principal, Model model) {
    long me = me(principal);
    model.addAttribute("employer", postings.employerOf(me));
    var all = applications.ofRecruiter(me);
    java.util.Map<Stage, java.util.List<Application>> byStage = new java.util.LinkedHashMap<>();
    for (Stage s : Stage.values()) {
      var here = all.stream().filter(a -> a.stage() == s).toList();
      if (!here.isEmpty()) {
        byStage.put(s, here);
      }
    }
    model.addAttribute("applications", all);
    model.addAttribute("byStage", byStage);
    model.addAttribute("names", names(all));
    model.addAttribute("activeNav", "careers");
    return "careers/pipeline";
  }

  @GetMapping("/careers/pipeline/report")
  String report(Principal principal, Model model) {
    long me = me(principal);
    model.addAttribute("employer", postings.employerOf(me));
    model.addAttribute("report", applications.timeToFill(me));
    model.addAttribute("stages", Stage.values());
    model.addAttribute("activeNav", "careers");
    return "careers/fill-report";
  }

  @GetMapping("/careers/pipeline/{id}")
  String show(@PathVariable long id, Principal principal, Model model) {
    return page(model, me(principal), id, null, "");
  }

  @PostMapping("/careers/pipeline/{id}/stage")
  String move(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String stage,
      @RequestParam(defaultValue = "") String note,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    applications.own(me, id);
    try {
      applications.move(me, id, FormValues.choice(Stage.class, stage, "stage"), note);
      return "redirect:/careers/pipeline/" + id;
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me, id, e.getMessage(), note);
    }
  }

  @PostMapping("/careers/pipeline/{id}/notes")
  String note(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String note,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    applications.own(me, id);
    try {
      applications.note(me, id, note);
      return "redirect:/careers/pipeline/" + id;
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me, id, e.getMessage(), note);
    }
  }

  private String page(Model model, long me, long id, String error, String note) {
    Application a = applications.own(me, id);
    var candidate = profiles.candidate(a.specialistUserId());
    JobMatch match =
        matches.match(
            profiles.find(a.specialistUserId()).orElseThrow(), postings.ownPosting(me, a.jobId()));
    YearMonth to = portfolios.thisMonth();
    model.addAttribute("a", a);
    model.addAttribute("name", accounts.get(a.specialistUserId()).displayName());
    model.addAttribute("candidate", candidate);
    model.addAttribute(
        "portfolio", portfolios.portfolio(a.specialistUserId(), to.minusMonths(23), to));
    model.addAttribute("checks", match.checks());
    model.addAttribute("summary", match.summary());
    model.addAttribute("history", applications.history(id));
    model.addAttribute("next", a.stage().next());
    model.addAttribute("error", error);
    model.addAttribute("note", note);
    model.addAttribute("activeNav", "careers");
    return "careers/candidate";
  }

  private java.util.Map<Long, String> names(java.util.List<Application> list) {
    java.util.Map<Long, String> names = new java.util.HashMap<>();
    list.forEach(
        a -> names.put(a.specialistUserId(), accounts.get(a.specialistUserId()).displayName()));
    return names;
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
