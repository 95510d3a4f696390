package org.relief.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.PracticeSettings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

@Controller
class AuditReportController {

  private static final int PAGE_SIZE = 50;

  /** The report's sortable columns and their headings, in display order. */
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("time", "Time");
    COLUMNS.put("actor", "Who");
    COLUMNS.put("actorType", "Kind");
    COLUMNS.put("action", "Action");
    COLUMNS.put("objectType", "Object type");
    COLUMNS.put("objectId", "Object ID");
    COLUMNS.put("outcome", "Outcome");
    COLUMNS.put("source", "Source address");
  }

  private final AuditReport report;
  private final AuditLedger ledger;
  private final AuditTrail trail;
  private final ZoneId zone;

  AuditReportController(
      AuditReport report, AuditLedger ledger, AuditTrail trail, PracticeSettings practice) {
    this.report = report;
    this.ledger = ledger;
    this.trail = trail;
    this.zone = practice.timeZone();
  }

  /** Filters of the report page, bound from the query string. */
  record Filter(
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      String actor,
      String action,
      String objectType,
      String objectId,
      String sort,
      String dir,
      Integer page) {

    public int pageNumber() {
      return page == null || page < 0 ? 0 : page;
    }

    public boolean ascending() {
      return "asc".equals(dir);
    }

    public String sortKey() {
      return sort == null || !AuditReport.SORTABLE.containsKey(sort) ? "time" : sort;
    }
  }

  @GetMapping("/audit")
  String report(
      Filter filter,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    var query =
        new AuditReport.Query(
            filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant(),
            filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant(),
            filter.actor(),
            filter.action(),
            filter.objectType(),
            filter.objectId(),
            filter.sortKey(),
            filter.ascending(),
            filter.pageNumber(),
            PAGE_SIZE);
    var page = report.search(query);
    trail.recordAccess(AuditActions.AUDIT_REPORT, "AuditTrail", null, Outcome.SUCCESS);
    model.addAttribute("filter", filter);
    model.addAttribute("page", page);
    model.addAttribute("pageNumber", filter.pageNumber());
    model.addAttribute(
        "lastPage", Math.max(0, (int) ((page.total() + PAGE_SIZE - 1) / PAGE_SIZE) - 1));
    model.addAttribute("zone", zone);
    model.addAttribute("columns", COLUMNS);
    model.addAttribute("activeNav", "audit");
    model.addAttribute("actions", report.actions());
    if (htmx != null) {
      return "audit/report :: results";
    }
    model.addAttribute("verification", ledger.verify());
    return "audit/report";
  }
}
