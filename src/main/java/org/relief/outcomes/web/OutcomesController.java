package org.relief.outcomes.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.relief.outcomes.analytics.PracticeAnalytics;
import org.relief.outcomes.analytics.PracticeAnalytics.Filter;
import org.relief.outcomes.analytics.PracticeAnalytics.Rate;
import org.relief.outcomes.analytics.PracticeAnalytics.Report;
import org.relief.outcomes.analytics.PracticeAnalytics.Row;
import org.relief.outcomes.analytics.PracticeAnalytics.TimepointRow;
import org.relief.outcomes.episodes.EpisodeOutcomes;
import org.relief.outcomes.episodes.Timepoint;
import org.relief.procedures.ProcedureCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The practice analytics page, its CSV export, and one episode's outcome. */
@Controller
class OutcomesController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PracticeAnalytics analytics;
  private final EpisodeOutcomes episodes;
  private final ProcedureCatalogue catalogue;

  OutcomesController(
      PracticeAnalytics analytics, EpisodeOutcomes episodes, ProcedureCatalogue catalogue) {
    this.analytics = analytics;
    this.episodes = episodes;
    this.catalogue = catalogue;
  }

  @GetMapping("/outcomes")
  String analytics(
      @RequestParam(value = "from", required = false) String from,
      @RequestParam(value = "to", required = false) String to,
      @RequestParam(value = "timepoint", required = false) String timepoint,
      @RequestParam(value = "procedure", required = false) String procedure,
      Model model) {
    Filter filter = analytics.filter(from, to, timepoint, procedure);
    Report report = analytics.report(filter);
    List<Timepoint> choices = new ArrayList<>(report.timepoints());
    if (!choices.contains(filter.timepoint())) {
      choices.add(filter.timepoint());
    }
    model.addAttribute("report", report);
    model.addAttribute("overallRows", List.of(report.overall()));
    model.addAttribute(
        "timepointRows", report.byTimepoint().stream().map(TimepointRow::row).toList());
    model.addAttribute("filter", filter);
    model.addAttribute("timepoints", choices);
    model.addAttribute("procedures", catalogue.all());
    model.addAttribute("chartJson", JSON.writeValueAsString(chart(report.byTimepoint())));
    model.addAttribute("activeNav", "outcomes");
    return "outcomes/analytics";
  }

  @GetMapping("/outcomes/export.csv")
  void export(
      @RequestParam(value = "from", required = false) String from,
      @RequestParam(value = "to", required = false) String to,
      @RequestParam(value = "timepoint", required = false) String timepoint,
      @RequestParam(value = "procedure", required = false) String procedure,
      HttpServletResponse response)
      throws IOException {
    Filter filter = analytics.filter(from, to, timepoint, procedure);
    Report report = analytics.report(filter);
    List<String[]> lines = Csv.lines(report);
    analytics.recordExport(filter, lines.size() - 1);
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"outcomes-%s-%s-%s.csv\""
            .formatted(filter.timepoint().code(), filter.from(), filter.to()));
    PrintWriter out = response.getWriter();
    for (String[] line : lines) {
      out.print(Csv.line(line));
      out.print("\r\n");
    }
    out.flush();
  }

  @GetMapping("/outcomes/episodes/{procedureId}")
  String episode(@PathVariable long procedureId, Model model) {
    var outcome = episodes.of(procedureId);
    model.addAttribute("outcome", outcome);
    model.addAttribute(
        "procedureName",
        catalogue
            .find(outcome.episode().procedureType())
            .map(t -> t.name())
            .orElse(outcome.episode().procedureType()));
    model.addAttribute("activeNav", "patients");
    return "outcomes/episode";
  }

  /** The chart's data: rates and interval bounds in per cent, one entry per time point. */
  static Map<String, Object> chart(List<TimepointRow> rows) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("labels", rows.stream().map(r -> r.timepoint().label()).toList());
    data.put("shortLabels", rows.stream().map(r -> r.timepoint().shortLabel()).toList());
    data.put("days", rows.stream().map(r -> r.timepoint().days()).toList());
    data.put("rate50", values(rows, r -> r.rate50(), Rate::rate));
    data.put(
        "lower50",
        values(rows, r -> r.rate50(), rt -> rt.ci95() == null ? null : rt.ci95().lower()));
    data.put(
        "upper50",
        values(rows, r -> r.rate50(), rt -> rt.ci95() == null ? null : rt.ci95().upper()));
    data.put("rate30", values(rows, r -> r.rate30(), Rate::rate));
    data.put("answered", rows.stream().map(r -> r.row().tally().answered()).toList());
    return data;
  }

  private static List<Double> values(
      List<TimepointRow> rows, Function<Row, Rate> which, Function<Rate, Double> value) {
    return rows.stream()
        .map(r -> value.apply(which.apply(r.row())))
        .map(v -> v == null ? null : Math.round(v * 1000) / 10.0)
        .toList();
  }
}
