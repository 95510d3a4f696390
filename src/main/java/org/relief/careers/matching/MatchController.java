package org.relief.careers.matching;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.relief.careers.applications.Applications;
import org.relief.careers.jobs.JobSearch;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.jobs.UsStates;
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

/** A specialist's matches: open jobs with their explanations, and one job's full explanation. */
@Controller
class MatchController {

  private final Matches matches;
  private final JobMatcher matcher;
  private final Applications applications;
  private final UserAccounts accounts;

  MatchController(
      Matches matches, JobMatcher matcher, Applications applications, UserAccounts accounts) {
    this.matches = matches;
    this.matcher = matcher;
    this.applications = applications;
    this.accounts = accounts;
  }

  @GetMapping("/careers/matches")
  String list(
      Principal principal,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String setting,
      @RequestParam(required = false) String procedure,
      Model model) {
    JobSearch search =
        new JobSearch(
            UsStates.code(state),
            choice(PracticeSetting.class, setting),
            choice(ProcedureFamily.class, procedure),
            null,
            null,
            JobSearch.Sort.NEWEST);
    model.addAttribute("search", search);
    model.addAttribute("matches", matches.open(me(principal), search));
    model.addAttribute("states", UsStates.CODES);
    model.addAttribute("settings", PracticeSetting.values());
    model.addAttribute("procedures", ProcedureFamily.values());
    model.addAttribute("activeNav", "careers");
    return "careers/matches";
  }

  @GetMapping("/careers/matches/{jobId}")
  String show(@PathVariable long jobId, Principal principal, Model model) {
    return page(model, me(principal), jobId, "", null);
  }

  /** Applies with the profile and portfolio; a refusal comes back on the match page. */
  @PostMapping("/careers/matches/{jobId}/apply")
  String apply(
      @PathVariable long jobId,
      @RequestParam(defaultValue = "") String coverNote,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    try {
      applications.apply(me, jobId, coverNote);
      return "redirect:/careers/applications";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me, jobId, coverNote, e.getMessage());
    }
  }

  private String page(Model model, long me, long jobId, String coverNote, String error) {
    model.addAttribute("m", matches.forJob(me, jobId));
    model.addAttribute("existing", applications.forJob(me, jobId).orElse(null));
    model.addAttribute("coverNote", coverNote);
    model.addAttribute("error", error);
    model.addAttribute("wrvuPerCase", matcher.wrvuPerCase());
    model.addAttribute("activeNav", "careers");
    return "careers/match";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip())) {
        return e;
      }
    }
    return null;
  }
}
