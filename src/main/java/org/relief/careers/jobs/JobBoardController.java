package org.relief.careers.jobs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import org.relief.platform.Role;
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

  private final JobPostings postings;

  JobBoardController(JobPostings postings) {
    this.postings = postings;
  }

  @GetMapping("/jobs")
  String search(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String setting,
      @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String minBase,
      @RequestParam(required = false) String visa,
      @RequestParam(required = false) String sort,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    JobSearch search =
        new JobSearch(
            UsStates.code(state),
            choice(PracticeSetting.class, setting),
            choice(ProcedureFamily.class, procedure),
            amount(minBase),
            "true".equals(visa) ? Boolean.TRUE : null,
            choice(JobSearch.Sort.class, sort) == null
                ? JobSearch.Sort.NEWEST
                : choice(JobSearch.Sort.class, sort));
    model.addAttribute("search", search);
    model.addAttribute("results", postings.search(search));
    model.addAttribute("limit", JobPostings.SEARCH_LIMIT);
    model.addAttribute("states", UsStates.CODES);
    model.addAttribute("settings", PracticeSetting.values());
    model.addAttribute("procedures", ProcedureFamily.values());
    model.addAttribute("sorts", JobSearch.Sort.values());
    model.addAttribute("activeNav", "careers");
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

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String name = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static Integer amount(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip().replace(",", "").replace("$", ""));
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
