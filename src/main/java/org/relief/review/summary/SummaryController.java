package org.relief.review.summary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.relief.audit.AuditActions;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

@Controller
class SummaryController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PreVisitSummaries summaries;

  SummaryController(PreVisitSummaries summaries) {
    this.summaries = summaries;
  }

  @GetMapping("/patients/{id}/summary")
  String summary(
      @PathVariable long id,
      @RequestParam(value = "since", required = false) String since,
      Model model) {
    PreVisitSummary summary = summaries.summarise(id, since(since), AuditActions.READ);
    model.addAttribute("s", summary);
    model.addAttribute("timeline", JSON.writeValueAsString(TimelineData.of(summary)));
    model.addAttribute("activeNav", "patients");
    return "review/summary";
  }

  /** The day changes are counted after, given as an ISO date; blank means the default. */
  static LocalDate since(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(given.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "invalid-since",
          "Give the day of the last visit as a date such as 2026-08-20, or leave it empty.");
    }
  }
}
