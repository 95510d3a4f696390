package org.relief.careers.jobs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public job board: search and a posting's page, no sign-in needed. */
@Controller
class JobBoardController {

  /** The "1 in N nights" limits offered in the call filter's list. */
  private static final List<String> CALL_LIMITS = List.of("2", "3", "4", "5", "7", "10", "15");

  private final JobPostings postings;
  private final Places places;

  JobBoardController(JobPostings postings, Places places) {
    this.postings = postings;
    this.places = places;
  }

  @GetMapping("/jobs")
  String search(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String setting,
      @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String minBase,
      @RequestParam(required = false) String visa,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String near,
      @RequestParam(required = false) String miles,
      @RequestParam(required = false) String call,
      @RequestParam(required = false) String telemedicine,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    JobSearchForm form =
        new JobSearchForm(
            state, setting, procedure, minBase, visa, sort, near, miles, call, telemedicine);
    model.addAttribute("form", form);
    model.addAttribute("limit", JobPostings.SEARCH_LIMIT);
    model.addAttribute("states", UsStates.CODES);
    model.addAttribute("settings", PracticeSetting.values());
    model.addAttribute("procedures", ProcedureFamily.values());
    model.addAttribute("sorts", JobSearch.Sort.values());
    model.addAttribute("callLimits", CALL_LIMITS);
    model.addAttribute("specialist", request.isUserInRole(Role.SPECIALIST.name()));
    model.addAttribute("activeNav", "careers");
    try {
      JobSearch search = form.search(places);
      model.addAttribute("search", search);
      model.addAttribute("results", postings.board(search));
      model.addAttribute("summary", JobSearchForm.describe(search, form.near()));
    } catch (RuleViolation e) {
      // htmx leaves the page as it is on a 4xx answer, so its fragment comes with 200 and the
      // message; a plain request gets 422.
      if (htmx == null) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      }
      model.addAttribute("error", e.getMessage());
      model.addAttribute("results", List.of());
    }
    return htmx != null ? "careers/board :: results" : "careers/board";
  }

  @GetMapping("/jobs/{id}")
  String posting(
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    JobPosting posting = postings.publicPosting(id);
    model.addAttribute("job", posting);
    model.addAttribute("activeNav", "careers");
    model.addAttribute("specialist", request.isUserInRole(Role.SPECIALIST.name()));
    if (!posting.openOn(postings.today())) {
      response.setStatus(HttpStatus.GONE.value());
      return "careers/closed";
    }
    String url = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUriString();
    model.addAttribute("jsonLd", JobPostingJsonLd.of(posting, url));
    return "careers/job";
  }
}
