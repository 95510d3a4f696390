package org.relief.careers.matching;

import java.security.Principal;
import org.relief.careers.jobs.JobSearch;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.jobs.UsStates;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A specialist's matches: open jobs with their explanations, and one job's full explanation. */
@Controller
class MatchController {

  private final Matches matches;
  private final JobMatcher matcher;
  private final UserAccounts accounts;

  MatchController(Matches matches, JobMatcher matcher, UserAccounts accounts) {
    this.matches = matches;
    this.matcher = matcher;
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
    model.addAttribute("m", matches.forJob(me(principal), jobId));
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
