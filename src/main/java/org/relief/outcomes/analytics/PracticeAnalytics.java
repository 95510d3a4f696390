package org.relief.outcomes.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.UserAccounts;
import org.relief.outcomes.InvalidParameter;
import org.relief.outcomes.OutcomeSettings;
import org.relief.outcomes.analytics.AnalyticsRepository.Group;
import org.relief.outcomes.analytics.AnalyticsRepository.Grouping;
import org.relief.outcomes.analytics.WilsonInterval.Interval;
import org.relief.outcomes.episodes.Timepoint;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.springframework.stereotype.Service;

/**
 * Responder rates of the practice (clinical-rules.md §3.15) by procedure type, level, physician and
 * diagnosis, each with its n, a Wilson 95 % interval and the follow-up completeness it rests on.
 *
 * <p>The numbers (docs/decisions/0046-responder-rates.md): a follow-up is <em>due</em> once it is
 * answered or missed, or once its due date is more than the grace period past; an answer counts
 * towards a rate when it carries an NRS and the episode a pre-procedure NRS above 0 (otherwise no
 * percentage reduction exists); the rate is responders / answered, the completeness answered / due.
 * A rate whose completeness is below the practice's threshold is shown with a warning: the patients
 * who do not answer are often not those who are doing well.
 *
 * <p>The report holds counts only, no patient; reading it is audited all the same, because it is
 * derived from patients' answers.
 */
@Service
public class PracticeAnalytics {

  static final String AUDIT_TYPE = "OutcomeAnalytics";

  private final AnalyticsRepository repository;
  private final ProcedureCatalogue catalogue;
  private final UserAccounts users;
  private final OutcomeSettings settings;
  private final AuditTrail audit;
  private final PracticeSettings practice;
  private final Clock clock;

  PracticeAnalytics(
      AnalyticsRepository repository,
      ProcedureCatalogue catalogue,
      UserAccounts users,
      OutcomeSettings settings,
      AuditTrail audit,
      PracticeSettings practice,
      Clock clock) {
    this.repository = repository;
    this.catalogue = catalogue;
    this.users = users;
    this.settings = settings;
    this.audit = audit;
    this.practice = practice;
    this.clock = clock;
  }

  /** What the report covers: procedures performed from–to, one time point, maybe one type. */
  public record Filter(LocalDate from, LocalDate to, Timepoint timepoint, String procedureType) {}

  /**
   * One threshold's rate.
   *
   * @param rate responders / answered; {@code null} when nothing was answered
   * @param ci95 the Wilson 95 % interval of the rate; {@code null} when nothing was answered
   */
  public record Rate(long responders, Double rate, Interval ci95) {

    /** "67 %", or "—" when there is no rate. */
    public String percent() {
      return rate == null ? "—" : Math.round(rate * 100) + " %";
    }

    /** "35–88 %", or "" when there is no rate. */
    public String interval() {
      return ci95 == null
          ? ""
          : Math.round(ci95.lower() * 100) + "–" + Math.round(ci95.upper() * 100) + " %";
    }
  }

  /**
   * One line of the report.
   *
   * @param completeness answered / due; {@code null} when nothing is due
   * @param lowCompleteness whether the completeness is below the practice's threshold
   */
  public record Row(
      String key,
      String label,
      Tally tally,
      Rate rate30,
      Rate rate50,
      Double completeness,
      boolean lowCompleteness) {

    /** "90 %", or "—" when nothing is due. */
    public String completenessPercent() {
      return completeness == null ? "—" : Math.round(completeness * 100) + " %";
    }
  }

  /** A time point with its overall row, for the chart. */
  public record TimepointRow(Timepoint timepoint, Row row) {}

  public record Report(
      Filter filter,
      List<Timepoint> timepoints,
      LocalDate countedDueUpTo,
      double completenessWarningBelow,
      Row overall,
      List<Row> byProcedure,
      List<Row> byLevel,
      List<Row> byPhysician,
      List<Row> byDiagnosis,
      List<TimepointRow> byTimepoint) {}

  /** The time points that occur in the follow-ups recorded so far, in order. */
  public List<Timepoint> timepoints() {
    return repository.timepoints().stream()
        .map(t -> Timepoint.parse(t, "timepoint"))
        .sorted(Comparator.comparingInt(Timepoint::days))
        .toList();
  }

  /** The filter from page parameters, with the defaults: the last two years, 3 months if any. */
  public Filter filter(String from, String to, String timepoint, String procedure) {
    LocalDate today = today();
    LocalDate end = date(to, "to", today);
    LocalDate start = date(from, "from", end.minusYears(2));
    if (start.isAfter(end)) {
      throw new InvalidParameter(
          "from", "The period starts on %s, after it ends on %s.".formatted(start, end));
    }
    Timepoint point;
    if (timepoint == null || timepoint.isBlank()) {
      List<Timepoint> known = timepoints();
      point =
          known.stream()
              .filter(t -> t.code().equals("P3M"))
              .findFirst()
              .orElse(known.isEmpty() ? Timepoint.parse("P3M", "timepoint") : known.get(0));
    } else {
      point = Timepoint.parse(timepoint, "timepoint");
    }
    String type = procedure == null || procedure.isBlank() ? null : procedureType(procedure).code();
    return new Filter(start, end, point, type);
  }

  /** The report for a filter (audited). */
  public Report report(Filter filter) {
    LocalDate cutoff = countedDueUpTo();
    List<Group> groups =
        repository.grouped(
            filter.timepoint().code(), filter.from(), filter.to(), filter.procedureType(), cutoff);
    Row overall = row("all", "All procedures", new Tally(0, 0, 0, 0));
    List<Row> byProcedure = new ArrayList<>();
    List<Row> byLevel = new ArrayList<>();
    List<Row> byPhysician = new ArrayList<>();
    List<Row> byDiagnosis = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>();
    groups.stream()
        .filter(g -> g.grouping() == Grouping.DIAGNOSIS && g.key() != null)
        .forEach(g -> codes.add(g.key()));
    Map<String, String> descriptions = repository.diagnosisDescriptions(codes);
    for (Group g : groups) {
      switch (g.grouping()) {
        case ALL -> overall = row("all", "All procedures", g.tally());
        case PROCEDURE ->
            byProcedure.add(row(g.procedureType(), procedureName(g.procedureType()), g.tally()));
        case LEVEL ->
            byLevel.add(
                row(
                    g.procedureType() + "|" + g.key(),
                    procedureName(g.procedureType())
                        + " · "
                        + (g.key().isEmpty() ? "no level" : g.key()),
                    g.tally()));
        case PHYSICIAN -> byPhysician.add(row(g.key(), physicianName(g.key()), g.tally()));
        case DIAGNOSIS ->
            byDiagnosis.add(
                g.key() == null
                    ? row("none", "No primary diagnosis recorded", g.tally())
                    : row(
                        g.key(),
                        g.key() + " " + descriptions.getOrDefault(g.key(), ""),
                        g.tally()));
      }
    }
    Comparator<Row> byLabel = Comparator.comparing(Row::label);
    byProcedure.sort(byLabel);
    byLevel.sort(byLabel);
    byPhysician.sort(byLabel);
    byDiagnosis.sort(byLabel);

    List<Timepoint> points = timepoints();
    Map<String, Tally> perPoint =
        repository.byTimepoint(
            points.stream().map(Timepoint::code).toList(),
            filter.from(),
            filter.to(),
            filter.procedureType(),
            cutoff);
    List<TimepointRow> byTimepoint =
        points.stream()
            .filter(t -> perPoint.containsKey(t.code()))
            .map(t -> new TimepointRow(t, row(t.code(), t.label(), perPoint.get(t.code()))))
            .toList();
    audit.recordAccess(
        AuditActions.READ,
        AUDIT_TYPE,
        describe(filter),
        Outcome.SUCCESS,
        "due " + overall.tally().due());
    return new Report(
        filter,
        points,
        cutoff,
        settings.completenessWarningBelow(),
        overall,
        byProcedure,
        byLevel,
        byPhysician,
        byDiagnosis,
        byTimepoint);
  }

  /** The answer of {@code GET /api/v1/outcomes/responders}. */
  public record Responders(
      String procedure,
      String timepoint,
      int threshold,
      long episodes,
      long answered,
      long responders,
      Double rate,
      List<Double> ci95,
      Double completeness) {}

  /**
   * The responder rate of one procedure type at one time point (audited). Rates, bounds and
   * completeness are rounded to four decimals, half up.
   */
  public Responders responders(
      String procedure, String timepoint, String threshold, String from, String to) {
    ProcedureType type = procedureType(procedure);
    Timepoint point = Timepoint.parse(required(timepoint, "timepoint"), "timepoint");
    int limit = threshold(threshold);
    LocalDate start = from == null || from.isBlank() ? null : date(from, "from", null);
    LocalDate end = to == null || to.isBlank() ? null : date(to, "to", null);
    if (start != null && end != null && start.isAfter(end)) {
      throw new InvalidParameter(
          "from", "The period starts on %s, after it ends on %s.".formatted(start, end));
    }
    Tally tally = repository.responders(type.code(), point.code(), start, end, countedDueUpTo());
    long responders = tally.responders(limit);
    Interval ci = tally.answered() == 0 ? null : WilsonInterval.of95(responders, tally.answered());
    audit.recordAccess(
        AuditActions.READ,
        AUDIT_TYPE,
        type.code() + "@" + point.code(),
        Outcome.SUCCESS,
        "threshold " + limit);
    return new Responders(
        type.code(),
        point.code(),
        limit,
        tally.due(),
        tally.answered(),
        responders,
        tally.answered() == 0 ? null : round((double) responders / tally.answered()),
        ci == null ? null : List.of(round(ci.lower()), round(ci.upper())),
        tally.due() == 0 ? null : round((double) tally.answered() / tally.due()));
  }

  /** Records that a report left Relief as a file. */
  public void recordExport(Filter filter, int rows) {
    audit.recordAccess(
        AuditActions.EXPORT, AUDIT_TYPE, describe(filter), Outcome.SUCCESS, rows + " rows, csv");
  }

  Row row(String key, String label, Tally t) {
    Double completeness = t.due() == 0 ? null : (double) t.answered() / t.due();
    return new Row(
        key,
        label,
        t,
        rate(t.responders30(), t.answered()),
        rate(t.responders50(), t.answered()),
        completeness,
        completeness != null && completeness < settings.completenessWarningBelow());
  }

  private static Rate rate(long responders, long answered) {
    return answered == 0
        ? new Rate(responders, null, null)
        : new Rate(
            responders, (double) responders / answered, WilsonInterval.of95(responders, answered));
  }

  private ProcedureType procedureType(String code) {
    String given = required(code, "procedure");
    return catalogue
        .find(given.strip())
        .orElseThrow(
            () ->
                new InvalidParameter(
                    "procedure",
                    "There is no procedure \"%s\" in the catalogue; use a code such as lumbar-rfa."
                        .formatted(given.length() > 40 ? given.substring(0, 40) + "…" : given)));
  }

  private static int threshold(String threshold) {
    String given = required(threshold, "threshold").strip();
    return switch (given) {
      case "30" -> 30;
      case "50" -> 50;
      default ->
          throw new InvalidParameter(
              "threshold",
              "The threshold is the NRS reduction a responder reaches: 30 or 50 (per cent,"
                  + " clinical-rules.md §3.15).");
    };
  }

  private static String required(String value, String parameter) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(parameter, "Give the " + parameter + ".");
    }
    return value;
  }

  private static LocalDate date(String text, String parameter, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidParameter(
          parameter,
          "The date \"%s\" is not a date: write it as YYYY-MM-DD.".formatted(clip(text)));
    }
  }

  private static String clip(String text) {
    return text.length() > 20 ? text.substring(0, 20) + "…" : text;
  }

  private String procedureName(String code) {
    return catalogue.find(code).map(ProcedureType::name).orElse(code);
  }

  private String physicianName(String id) {
    try {
      return users.get(Long.parseLong(id)).displayName();
    } catch (NotFound e) {
      return "User " + id;
    }
  }

  /** When a follow-up still unanswered must have been due to count as due. */
  private LocalDate countedDueUpTo() {
    return today().minus(settings.dueGrace());
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  static Double round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  private static String describe(Filter f) {
    return "%s %s..%s%s"
        .formatted(
            f.timepoint().code(),
            f.from(),
            f.to(),
            f.procedureType() == null ? "" : " " + f.procedureType());
  }
}
