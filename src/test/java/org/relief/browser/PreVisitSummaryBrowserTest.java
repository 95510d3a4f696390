package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.review.summary.SummaryFixtures;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@ReliefIntegrationTest
class PreVisitSummaryBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApplicationContext app;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource({"1280, 900, desktop", "390, 844, phone"})
  void physicianOpensTheSummaryFromTheChartAndSeesProceduresMarkedOnTheTimeline(
      int width, int height, String size) throws IOException {
    if (accounts.findByUsername("browser.summary").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.summary",
              "Test Summary Physician",
              "browser-pass-123",
              Set.of(Role.PAIN_PHYSICIAN)));
    }
    var seeded = SummaryFixtures.patientWithHistory(app, 3, 60, true);
    String base = "http://localhost:" + port;
    driver = Browser.start(width, height);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.summary");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.get(base + "/patients/" + seeded.patient().id());
    driver.findElement(By.linkText("Open the pre-visit summary")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/summary"));
    wait.until(d -> !d.findElements(By.cssSelector("#summary-chart canvas")).isEmpty());

    assertThat(driver.findElements(By.cssSelector("#summary-chart .summary-chart-panel")))
        .hasSize(4);
    assertThat(driver.findElements(By.cssSelector(".procedure-legend li")))
        .hasSize(seeded.procedures());
    assertThat(driver.findElement(By.id("timeline-table")).getAttribute("open")).isNull();
    assertThat(driver.findElement(By.cssSelector(".red-flags")).getText())
        .contains("PHQ-9 item 9 answered 1 or more", "90 MME/day");
    Object markedPixels =
        driver.executeScript(
            "var c = document.querySelector('#summary-chart canvas');"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "var n = 0; for (var i = 0; i < d.length; i += 4) {"
                + " if (d[i] === 15 && d[i + 1] === 95 && d[i + 2] === 115) n++; } return n;");
    assertThat(((Number) markedPixels).longValue())
        .as("procedure markers drawn in the brand colour")
        .isGreaterThan(50);
    Browser.screenshot(driver, "summary-top-" + size);
    driver.executeScript("document.getElementById('timeline').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "summary-timeline-" + size);
    driver.executeScript("document.getElementById('pain').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "summary-pain-medications-" + size);
    Object tooWide =
        driver.executeScript(
            "var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('main *').forEach(function (e) {"
                + " if (e.closest('.table-scroll') && !e.classList.contains('table-scroll')) return;"
                + " var r = e.getBoundingClientRect();"
                + " if (r.right > w + 1) out.push(e.tagName + '.' + e.className + ' ' + r.right); });"
                + "return out.slice(0, 5).join('; ');");
    assertThat(tooWide).as("elements wider than the screen").isEqualTo("");

    Path downloads = Files.createTempDirectory("summary-pdf-");
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    driver.findElement(By.id("summary-pdf")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> pdfIn(downloads) != null);
    try (PDDocument pdf = Loader.loadPDF(pdfIn(downloads).toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(pdf)).contains("Pre-visit summary");
      ImageIO.write(
          new PDFRenderer(pdf).renderImageWithDPI(0, 80),
          "png",
          Path.of("target", "screenshots", "summary-pdf-downloaded-" + size + ".png").toFile());
    }
  }

  private static Path pdfIn(Path folder) {
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
