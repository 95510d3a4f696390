package org.relief.review.summary;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.assessments.questionnaires.QuestionnaireRepository.NewResponse;
import org.relief.audit.AuditActions;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pre-visit summary of a patient with ten years of data, rendered by the running application
 * against embedded PostgreSQL holding that patient among 500 others with ten years of monthly
 * scores each. Times the summary's assembly alone (every module's query and audit), the whole page
 * request (security, session, queries, Thymeleaf) and the PDF request, against the patient chart
 * page of the same patient as the anchor. Not part of {@code verify}: run with {@code ./mvnw
 * -Pbench test -Dtest=PreVisitSummaryBenchmark}. Prints a table and writes it to {@code
 * target/bench/pre-visit-summary.md}.
 */
@Tag("benchmark")
@ReliefIntegrationTest
class PreVisitSummaryBenchmark {

  static final int OTHER_PATIENTS = Integer.getInteger("bench.others", 500);
  private static final int WARMUP = 100;
  private static final int MEASURED = 400;

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired UserAccounts accounts;
  @Autowired PreVisitSummaries summaries;
  @Autowired JdbcClient jdbc;

  private long auditRowsPerSummary;

  @Test
  void summaryOfTenYearsOfData() throws IOException {
    long loadStart = System.nanoTime();
    loadOtherPatients();
    var seeded = SummaryFixtures.patientWithHistory(app, 10, 7, true);
    visitsWithGoals(seeded);
    jdbc.sql("VACUUM ANALYZE").update();
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    long id = seeded.patient().id();
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);

    long auditBefore = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    PreVisitSummary sample = summaries.summarise(id, null, AuditActions.READ);
    auditRowsPerSummary =
        jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single() - auditBefore;
    int pageBytes = ok(physician.get("/patients/" + id + "/summary")).body().length();

    List<String[]> rows = new ArrayList<>();
    var patients = app.getBean(PatientRegistry.class);
    var pain = app.getBean(org.relief.patients.PainPictures.class);
    var scores = app.getBean(org.relief.assessments.PatientQuestionnaires.class);
    var meds = app.getBean(org.relief.patients.PatientMedications.class);
    var procedures = app.getBean(org.relief.procedures.PerformedProcedures.class);
    var pdf = app.getBean(SummaryPdf.class);
    rows.add(row("· part: patient (registry, audited)", time(() -> patients.open(id))));
    rows.add(row("· part: pain history and body map", time(() -> pain.of(id))));
    rows.add(row("· part: score history (1,566 results)", time(() -> scores.scores(id))));
    rows.add(row("· part: medication history", time(() -> meds.history(id))));
    rows.add(row("· part: performed procedures", time(() -> procedures.forPatient(id))));
    var clinicList = app.getBean(org.relief.consultations.ClinicList.class);
    var today = app.getBean(org.relief.platform.PracticeSettings.class).today(clock());
    rows.add(
        row(
            "· part: last visit (consultations)",
            time(() -> clinicList.lastVisitBefore(id, today))));
    var expectations = app.getBean(org.relief.consultations.ReliefExpectations.class);
    rows.add(
        row(
            "· part: expected against achieved relief ("
                + expectations.ofPatient(id).size()
                + " procedures)",
            time(() -> expectations.ofPatient(id))));
    rows.add(
        row(
            "· part: PDF layout and drawing only",
            time(() -> pdf.render(sample, "Bench", java.time.ZonedDateTime.now()))));
    var engine = app.getBean(org.thymeleaf.spring6.SpringTemplateEngine.class);
    var servletContext = new org.springframework.mock.web.MockServletContext();
    var web =
        org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(servletContext);
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    Supplier<String> rendered =
        () -> {
          var exchange =
              web.buildExchange(
                  new org.springframework.mock.web.MockHttpServletRequest(
                      servletContext, "GET", "/patients/" + id + "/summary"),
                  new org.springframework.mock.web.MockHttpServletResponse());
          var context = new org.thymeleaf.context.WebContext(exchange, java.util.Locale.ENGLISH);
          PreVisitSummary s = summaries.summarise(id, null, AuditActions.READ);
          context.setVariable("s", s);
          context.setVariable("timeline", json.writeValueAsString(TimelineData.of(s)));
          return engine.process("review/summary", context);
        };
    double[] page;
    try {
      page = time(rendered);
    } catch (RuntimeException e) {
      page = null;
      System.out.println("In-process rendering not measured: " + e);
    }
    if (page != null) {
      rows.add(row("summary page assembled and rendered by Thymeleaf, in-process (no HTTP)", page));
    }
    rows.add(
        row(
            "summary assembled (all module reads and audits)",
            time(() -> summaries.summarise(id, null, AuditActions.READ))));
    rows.add(
        row(
            "summary page, GET /patients/{id}/summary",
            time(() -> ok(physician.get("/patients/" + id + "/summary")))));
    rows.add(
        row(
            "summary PDF, GET /patients/{id}/summary.pdf",
            time(() -> ok(physician.get("/patients/" + id + "/summary.pdf")))));
    rows.add(
        row(
            "anchor: patient chart, GET /patients/{id}",
            time(() -> ok(physician.get("/patients/" + id)))));

    long scoresInDb =
        jdbc.sql("SELECT count(*) FROM questionnaire_response").query(Long.class).single();
    String report = report(rows, seeded, sample, pageBytes, scoresInDb, loadSeconds, plans(id));
    System.out.println(report);
    Files.createDirectories(Path.of("target", "bench"));
    Files.writeString(Path.of("target", "bench", "pre-visit-summary.md"), report);
  }

  private org.relief.support.MutableClock clock() {
    return app.getBean(org.relief.support.MutableClock.class);
  }

  /**
   * A signed consultation with goals (expected relief 50 %) before the first procedure, so that
   * every procedure is compared, and a signed visit a month ago, the "last visit" of the summary.
   * Waits until the outcomes module has an episode for every procedure.
   */
  private void visitsWithGoals(SummaryFixtures.Seeded seeded) {
    var clock = clock();
    var practice = app.getBean(org.relief.platform.PracticeSettings.class);
    var book = app.getBean(org.relief.consultations.visits.AppointmentBook.class);
    var notes = app.getBean(org.relief.consultations.notes.VisitNotes.class);
    long clinician =
        accounts
            .create(
                new UserAccounts.NewUser(
                    "bench-goals-" + System.nanoTime() % 100000,
                    "Bench Physician",
                    "a-long-enough-pass",
                    java.util.Set.of(Role.PAIN_PHYSICIAN)))
            .id();
    Instant now = clock.instant();
    java.time.LocalDate today = practice.today(clock);
    for (var day : List.of(today.minusYears(10).plusDays(10), today.minusDays(30))) {
      clock.set(day.atTime(10, 0).atZone(practice.timeZone()).toInstant());
      long visit =
          book.bookSynthetic(
                  new org.relief.consultations.visits.AppointmentBook.Booking(
                      seeded.patient().id(),
                      clinician,
                      org.relief.consultations.VisitKind.FOLLOW_UP,
                      day.atTime(9, 0),
                      null),
                  clinician)
              .id();
      notes.sign(
          visit,
          clinician,
          new org.relief.consultations.notes.NoteDraft(
              "", "", "", "Synthetic benchmark visit.", "", "Walk 30 minutes.", 50, List.of()));
    }
    clock.set(now);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(2))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM outcome_episode WHERE patient_id = :p")
                        .param("p", seeded.patient().id())
                        .query(Long.class)
                        .single()
                    >= seeded.procedures());
  }

  private void loadOtherPatients() {
    PatientRegistry registry = app.getBean(PatientRegistry.class);
    QuestionnaireRepository responses = app.getBean(QuestionnaireRepository.class);
    Instant now = Instant.now();
    for (int p = 0; p < OTHER_PATIENTS; p++) {
      long other =
          registry
              .register(
                  new PatientDetails(
                      "BENCH-" + p,
                      "Other",
                      "Patient",
                      java.time.LocalDate.of(1950 + p % 40, 1 + p % 12, 1 + p % 28),
                      p % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                      null,
                      null,
                      "en"))
              .id();
      List<NewResponse> rows = new ArrayList<>();
      for (int month = 0; month < 120; month++) {
        Instant at = now.minus(30L * month + p % 30, ChronoUnit.DAYS);
        for (String code : List.of("nrs", "odi", "phq9")) {
          double score = (month + p) % (code.equals("nrs") ? 11 : 28);
          rows.add(
              new NewResponse(other, null, code, "bench", at, score, null, Map.of(), List.of(), 9));
        }
      }
      responses.insertResponses(rows);
    }
  }

  private static <T> T ok(T response) {
    if (response instanceof HttpResponse<?> r && r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    return response;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Wall p50, p95, p99 and the calling thread's CPU p50, in nanoseconds. */
  private static double[] time(Supplier<?> work) {
    for (int i = 0; i < WARMUP; i++) {
      work.get();
    }
    long[] samples = new long[MEASURED];
    long[] cpu = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      work.get();
      samples[i] = System.nanoTime() - start;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
    }
    Arrays.sort(samples);
    Arrays.sort(cpu);
    return new double[] {
      samples[MEASURED / 2],
      samples[MEASURED * 95 / 100],
      samples[MEASURED * 99 / 100],
      cpu[MEASURED / 2]
    };
  }

  private static String[] row(String what, double[] t) {
    return new String[] {what, ms(t[0]), ms(t[1]), ms(t[2]), ms(t[3])};
  }

  private String plans(long id) {
    StringBuilder out = new StringBuilder();
    String[] queries = {
      "SELECT id, scored_at, score, band, flags FROM questionnaire_response WHERE patient_id = "
          + id
          + " ORDER BY scored_at, id",
      "SELECT * FROM procedure_record WHERE patient_id = " + id + " ORDER BY performed_on, id",
      "SELECT * FROM patient_medication WHERE patient_id = " + id + " ORDER BY start_date, id"
    };
    for (String q : queries) {
      out.append("\n    ").append(q).append('\n');
      jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + q)
          .query((rs, n) -> rs.getString(1))
          .list()
          .forEach(l -> out.append("      ").append(l).append('\n'));
    }
    return out.toString();
  }

  private static String ms(double nanos) {
    return "%.2f".formatted(nanos / 1e6);
  }

  private String report(
      List<String[]> rows,
      SummaryFixtures.Seeded seeded,
      PreVisitSummary sample,
      int pageBytes,
      long scoresInDb,
      double loadSeconds,
      String plans) {
    StringBuilder out = new StringBuilder();
    out.append("## Pre-visit summary of a patient with ten years of data\n\n");
    out.append(
        ("Data: the patient has %d questionnaire results (NRS, ODI and PHQ-9 every week for ten"
                + " years), %d medications (an opioid changed every year, an anticoagulant,"
                + " gabapentin), %d procedures (one every four months, each marked on the"
                + " timeline), a pain history and a body map; the summary shows %d timeline rows,"
                + " %d MME steps and %d red flags; the page is %,d bytes. The database holds"
                + " %,d questionnaire results in all (%d other patients with ten years of monthly"
                + " scores). Loaded in %.1f s.%n%n")
            .formatted(
                seeded.scores(),
                seeded.medications(),
                seeded.procedures(),
                sample.timeline().size(),
                sample.medications().trend().size(),
                sample.redFlags().size(),
                pageBytes,
                scoresInDb,
                OTHER_PATIENTS,
                loadSeconds));
    out.append(
        ("Machine: %d cores, Java %s, embedded PostgreSQL 17.5, the whole application on a random"
                + " port. Each case: %d warm-up, %d measured, one after another from one signed-in"
                + " client (HTTP cases include the loopback request, security filters and the"
                + " JDBC session). Every view writes its audit rows (%d per summary).%n%n")
            .formatted(
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                WARMUP,
                MEASURED,
                auditRowsPerSummary));
    out.append(
        "| case | p50 ms | p95 ms | p99 ms | CPU p50 ms (calling thread; 0 for HTTP: the work"
            + " runs on the server's threads) |\n|---|---|---|---|---|\n");
    for (String[] r : rows) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    out.append("\nQuery plans of the summary's reads:\n").append(plans);
    return out.toString();
  }
}
