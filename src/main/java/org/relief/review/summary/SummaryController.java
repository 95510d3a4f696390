package org.relief.review.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.relief.audit.AuditActions;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
  private final SummaryPdf pdf;
  private final Clock clock;
  private final PracticeSettings practice;

  SummaryController(
      PreVisitSummaries summaries, SummaryPdf pdf, Clock clock, PracticeSettings practice) {
    this.summaries = summaries;
    this.pdf = pdf;
    this.clock = clock;
    this.practice = practice;
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

  /** The same summary on one printable page, for the chart or a referral letter. */
  @GetMapping("/patients/{id}/summary.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable long id, @RequestParam(value = "since", required = false) String since) {
    PreVisitSummary summary = summaries.summarise(id, since(since), AuditActions.PRINT);
    byte[] bytes =
        pdf.render(
            summary, practice.name(), ZonedDateTime.now(clock.withZone(practice.timeZone())));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("pre-visit-summary-" + id + "-" + summary.today() + ".pdf")
                .build()
                .toString())
        .body(bytes);
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
