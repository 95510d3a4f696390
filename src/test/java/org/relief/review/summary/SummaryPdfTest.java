package org.relief.review.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class SummaryPdfTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void tenYearsOfHistoryFitOnOnePageWithTheTimelineDrawn() throws IOException {
    var seeded = SummaryFixtures.patientWithHistory(app, 10, 30, true);
    long id = seeded.patient().id();

    HttpResponse<byte[]> response = pdf(id, Role.PAIN_PHYSICIAN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("pre-visit-summary-" + id);
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      BufferedImage page = look(pdf, "summary-pdf-ten-years");
      assertThat(page.getHeight()).isGreaterThan(page.getWidth());
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Pre-visit summary", "Summerhill, Rosa")
          .contains("PHQ-9 item 9 answered 1 or more", "MME today: 40 MME/day")
          .contains("apixaban", "direct oral anticoagulant")
          .contains("Lumbar spine", "What changed since", "Medications")
          .contains("NRS pain", "PHQ-9", "MME/day")
          .contains(Integer.toString(seeded.procedures()), "L4–L5");
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'PreVisitSummary'"
                        + " AND object_id = :id AND action = 'PRINT' AND outcome = 'SUCCESS'")
                .param("id", Long.toString(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aShortHistoryAndAnEmptyRecordBothPrint() throws IOException {
    var short_ = SummaryFixtures.patientWithHistory(app, 3, 60, false);
    var empty = SummaryFixtures.patientWithHistory(app, 0, 30, false);

    try (PDDocument pdf = Loader.loadPDF(pdf(short_.patient().id(), Role.NURSE).body())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      look(pdf, "summary-pdf-three-years");
    }
    try (PDDocument pdf = Loader.loadPDF(pdf(empty.patient().id(), Role.SURGEON).body())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Red flags (0): none found", "No scores, procedures or opioids recorded yet.");
      look(pdf, "summary-pdf-empty");
    }
  }

  @Test
  void textTheStandardFontsCannotShowIsSpelledOut() {
    assertThat(SummaryPdf.printable("NRS 7 → 2, ≥ 50, L4–L5 · left, 漢"))
        .isEqualTo("NRS 7 -> 2, >= 50, L4–L5 · left, ?");
  }

  private HttpResponse<byte[]> pdf(long id, Role role) {
    Staff.signedIn(accounts, port, role);
    String username = "pdf-" + role.name().toLowerCase() + "-" + System.nanoTime();
    accounts.create(new UserAccounts.NewUser(username, "PDF reader", Staff.PASSWORD, Set.of(role)));
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      String base = "http://localhost:" + port;
      String login =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String token = org.relief.support.Http.csrfTokenOf(login);
      client.send(
          HttpRequest.newBuilder(URI.create(base + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "username=" + username + "&password=" + Staff.PASSWORD + "&_csrf=" + token))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      return client.send(
          HttpRequest.newBuilder(URI.create(base + "/patients/" + id + "/summary.pdf")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Renders the page to target/screenshots/NAME.png at 110 dpi, to be looked at. */
  private static BufferedImage look(PDDocument pdf, String name) throws IOException {
    BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    return image;
  }
}
