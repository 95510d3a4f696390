package org.relief.careers.portfolio;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.specialists.FormValues;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case-log portfolios: counts by procedure family, guidance and role per month. Specialists add and
 * remove their own self-reported counts; verified counts come only from a practice administrator's
 * attestation and cannot be changed by the specialist.
 */
@Service
public class Portfolios {

  /** The longest period a portfolio is read over, in months. */
  static final int MAX_MONTHS = 120;

  private static final Logger log = LoggerFactory.getLogger(Portfolios.class);
  private static final String AUDIT_TYPE = "Portfolio";

  private final PortfolioRepository entries;
  private final SpecialistProfiles profiles;
  private final AuditTrail audit;
  private final Clock clock;

  Portfolios(
      PortfolioRepository entries, SpecialistProfiles profiles, AuditTrail audit, Clock clock) {
    this.entries = entries;
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public long addSelfReported(
      long userId,
      ProcedureFamily family,
      Guidance guidance,
      CaseRole role,
      YearMonth month,
      Integer cases,
      String note) {
    profiles.own(userId);
    if (family == null || guidance == null || role == null || month == null || cases == null) {
      throw new RuleViolation(
          "missing-entry", "Give the procedure, guidance, your role, the month and the cases.");
    }
    if (month.isAfter(thisMonth())) {
      throw new RuleViolation("month-in-future", "Cases cannot be counted for a future month.");
    }
    long id =
        entries.insert(
            userId,
            family,
            guidance,
            role,
            month,
            cases,
            EntrySource.SELF_REPORTED,
            FormValues.text(note, 200, "note"),
            null,
            null,
            null,
            clock.instant());
    audit.recordAccess(
        AuditActions.CREATE, AUDIT_TYPE, Long.toString(userId), Outcome.SUCCESS, "self-reported");
    log.info("Self-reported portfolio entry {} added for specialist {}", id, userId);
    return id;
  }

  /** One self-reported count, as {@link #addSelfReported(long, List)} takes them. */
  public record SelfReport(
      ProcedureFamily family,
      Guidance guidance,
      CaseRole role,
      YearMonth month,
      Integer cases,
      String note) {}

  /**
   * Adds several self-reported counts at once (for instance a whole case log, or the synthetic
   * demo's), each checked as {@link #addSelfReported(long, ProcedureFamily, Guidance, CaseRole,
   * YearMonth, Integer, String)} checks one; none is added when one is refused.
   */
  @Transactional
  public int addSelfReported(long userId, List<SelfReport> reports) {
    profiles.own(userId);
    YearMonth latest = thisMonth();
    var now = clock.instant();
    for (SelfReport r : reports) {
      if (r.family() == null
          || r.guidance() == null
          || r.role() == null
          || r.month() == null
          || r.cases() == null) {
        throw new RuleViolation(
            "missing-entry", "Give the procedure, guidance, your role, the month and the cases.");
      }
      if (r.cases() < 1 || r.cases() > 10_000) {
        throw new RuleViolation(
            "invalid-cases", "The number of cases must be between 1 and 10000.");
      }
      if (r.month().isAfter(latest)) {
        throw new RuleViolation("month-in-future", "Cases cannot be counted for a future month.");
      }
      entries.insert(
          userId,
          r.family(),
          r.guidance(),
          r.role(),
          r.month(),
          r.cases(),
          EntrySource.SELF_REPORTED,
          FormValues.text(r.note(), 200, "note"),
          null,
          null,
          null,
          now);
    }
    audit.recordAccess(
        AuditActions.CREATE,
        AUDIT_TYPE,
        Long.toString(userId),
        Outcome.SUCCESS,
        "self-reported x" + reports.size());
    log.info("{} self-reported portfolio entries added for specialist {}", reports.size(), userId);
    return reports.size();
  }

  @Transactional
  public void removeSelfReported(long userId, long entryId) {
    if (!entries.removeSelfReported(userId, entryId)) {
      throw new NotFound("There is no self-reported entry " + entryId + " in your portfolio.");
    }
    audit.recordAccess(
        AuditActions.DELETE, AUDIT_TYPE, Long.toString(userId), Outcome.SUCCESS, "self-reported");
  }

  public List<PortfolioEntry> selfReported(long userId) {
    return entries.selfReported(userId);
  }

  /** The portfolio over whole months {@code from}..{@code to}. */
  public Portfolio portfolio(long userId, YearMonth from, YearMonth to) {
    checkPeriod(from, to);
    Map<String, PortfolioLine> lines = new LinkedHashMap<>();
    for (PortfolioEntry e : entries.between(userId, from, to)) {
      String key = e.family() + "|" + e.guidance() + "|" + e.role();
      PortfolioLine old =
          lines.getOrDefault(key, new PortfolioLine(e.family(), e.guidance(), e.role(), 0, 0));
      boolean verified = e.source() == EntrySource.VERIFIED;
      lines.put(
          key,
          new PortfolioLine(
              e.family(),
              e.guidance(),
              e.role(),
              old.verified() + (verified ? e.cases() : 0),
              old.selfReported() + (verified ? 0 : e.cases())));
    }
    List<PortfolioLine> sorted = new ArrayList<>(lines.values());
    sorted.sort(
        Comparator.comparing(PortfolioLine::family)
            .thenComparing(PortfolioLine::guidance)
            .thenComparing(PortfolioLine::role));
    return new Portfolio(from, to, List.copyOf(sorted));
  }

  /** Cases per family over the last twelve months including this one ("recent volume"). */
  public Map<ProcedureFamily, FamilyVolume> recentVolumes(long userId) {
    YearMonth to = thisMonth();
    return volumes(userId, to.minusMonths(11), to);
  }

  public Map<ProcedureFamily, FamilyVolume> volumes(long userId, YearMonth from, YearMonth to) {
    checkPeriod(from, to);
    Map<ProcedureFamily, FamilyVolume> out = new EnumMap<>(ProcedureFamily.class);
    for (ProcedureFamily f : ProcedureFamily.values()) {
      out.put(f, FamilyVolume.none(f));
    }
    for (PortfolioEntry e : entries.between(userId, from, to)) {
      out.put(e.family(), out.get(e.family()).plus(e));
    }
    return out;
  }

  Clock clock() {
    return clock;
  }

  public YearMonth thisMonth() {
    return YearMonth.from(profiles.today());
  }

  static void checkPeriod(YearMonth from, YearMonth to) {
    if (from.isAfter(to)) {
      throw new RuleViolation("period-backwards", "The period must start before it ends.");
    }
    if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
      throw new RuleViolation(
          "period-too-long", "Choose a period of at most " + MAX_MONTHS / 12 + " years.");
    }
  }
}
