package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class BodyMapBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private Patient patient(String mrn, String given) {
    if (accounts.findByUsername("browser.map").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.map", "Test Map Nurse", "browser-pass-123", Set.of(Role.NURSE)));
    }
    return registry.register(
        new PatientDetails(
            mrn, "Kartograf", given, LocalDate.of(1969, 8, 9), Sex.FEMALE, null, null, "en"));
  }

  private void signIn(int width, int height) {
    driver = Browser.start(width, height);
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.map");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait(d -> d.getCurrentUrl().endsWith("/today"));
  }

  private void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(until::apply);
  }

  private WebElement region(String code) {
    return driver.findElement(
        By.cssSelector(".body-map.interactive path[data-region='" + code + "']"));
  }

  private boolean ticked(String code) {
    return driver.findElement(By.id("region-" + code)).isSelected();
  }

  private boolean overflowsSideways() {
    return (Boolean)
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
  }

  private List<String> chartRegions() {
    return driver.findElements(By.cssSelector(".region-list li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void nurseMarksRegionsWithMouseAndKeyboardOnADesktopAndSeesThemOnTheChart() {
    Patient p = patient("BM-DESK", "Dora");
    signIn(1280, 900);
    driver.get("http://localhost:" + port + "/patients/" + p.id());
    driver.findElement(By.linkText("Record body map")).click();
    wait(d -> d.getCurrentUrl().endsWith("/body-map"));

    region("back.lumbar.left").click();
    assertThat(ticked("back.lumbar.left")).isTrue();
    assertThat(region("back.lumbar.left").getAttribute("aria-checked")).isEqualTo("true");
    region("back.lumbar.left").click();
    assertThat(ticked("back.lumbar.left")).isFalse();
    region("back.lumbar.left").click();

    // Keyboard: Tab from the region just clicked to the next one and toggle it with Enter, then
    // the next with Space.
    new Actions(driver).sendKeys(Keys.TAB).perform();
    String focused =
        (String) driver.executeScript("return document.activeElement.getAttribute('data-region');");
    assertThat(focused).isEqualTo("back.sacrum");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    assertThat(ticked("back.sacrum")).isTrue();
    new Actions(driver).sendKeys(Keys.TAB, Keys.SPACE).perform();
    assertThat(ticked("back.coccyx")).isTrue();
    assertThat(region("back.coccyx").getAttribute("class")).contains("chosen");
    Browser.screenshot(driver, "body-map-keyboard-focus");

    // The list works too, and the drawing follows it.
    driver.findElement(By.id("region-front.knee.right")).click();
    assertThat(region("front.knee.right").getAttribute("class")).contains("chosen");
    Browser.screenshot(driver, "body-map-desktop");

    driver.findElement(By.cssSelector("button.primary")).click();
    wait(d -> d.getCurrentUrl().endsWith("/patients/" + p.id()));
    assertThat(chartRegions())
        .containsExactly("Right knee (front)", "Left lower back", "Sacrum", "Coccyx (tailbone)");
    assertThat(
            driver.findElements(By.cssSelector(".body-map.read-only path.chosen")).stream()
                .map(e -> e.getAttribute("data-region"))
                .toList())
        .containsExactlyInAnyOrder(
            "front.knee.right", "back.lumbar.left", "back.sacrum", "back.coccyx");
    driver.executeScript("document.getElementById('pain-history').scrollIntoView();");
    Browser.screenshot(driver, "body-map-chart-desktop");
  }

  @Test
  void nurseRecordsAPainHistoryWithATreatmentAndTheChartSummarisesIt() {
    Patient p = patient("PH-DESK", "Pearl");
    signIn(1280, 900);
    driver.get("http://localhost:" + port + "/patients/" + p.id());
    driver.findElement(By.linkText("Record pain history")).click();
    wait(d -> d.getCurrentUrl().endsWith("/pain-history"));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("onsetMonth")))
        .selectByVisibleText("October");
    driver.findElement(By.id("onsetYear")).sendKeys("2022");
    driver.findElement(By.cssSelector("input[name=mechanism][value=DEGENERATIVE]")).click();
    driver.findElement(By.cssSelector("input[name=characters][value=ACHING]")).click();
    driver.findElement(By.cssSelector("input[name=characters][value=NUMBNESS_TINGLING]")).click();
    driver.findElement(By.cssSelector("input[name=aggravating][value=STANDING]")).click();
    driver.findElement(By.cssSelector("input[name=relieving][value=SITTING]")).click();
    driver.findElement(By.id("relievingOther")).sendKeys("leaning on a shopping cart");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("t0-type")))
        .selectByVisibleText("Physical therapy");
    driver.findElement(By.id("t0-description")).sendKeys("Flexion-based programme, 8 weeks");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("t0-effect")))
        .selectByVisibleText("Moderate relief");
    Browser.screenshot(driver, "pain-history-desktop");
    driver.findElement(By.cssSelector("button.primary")).click();
    wait(d -> d.getCurrentUrl().endsWith("/patients/" + p.id()));
    String section =
        driver.findElement(By.cssSelector("section[aria-labelledby=pain-history]")).getText();
    assertThat(section)
        .contains(
            "October 2022",
            "Degenerative",
            "Aching, Numbness or tingling",
            "Standing",
            "Sitting; leaning on a shopping cart",
            "Flexion-based programme, 8 weeks",
            "Moderate relief");
    driver.executeScript("document.getElementById('pain-history').scrollIntoView();");
    Browser.screenshot(driver, "pain-history-chart-desktop");
  }

  @Test
  void withoutJavaScriptTheListAloneRecordsTheMap() {
    Patient p = patient("BM-NOJS", "Nora");
    signIn(1280, 900);
    driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    driver.get("http://localhost:" + port + "/patients/" + p.id() + "/body-map");
    assertThat(region("back.sacroiliac.right").getAttribute("tabindex")).isNull();
    assertThat(driver.findElement(By.cssSelector(".js-only")).isDisplayed()).isFalse();
    driver.findElement(By.id("region-back.sacroiliac.right")).click();
    driver.findElement(By.id("region-front.groin.right")).click();
    Browser.screenshot(driver, "body-map-no-script");
    driver.findElement(By.cssSelector("button.primary")).click();
    wait(d -> d.getCurrentUrl().endsWith("/patients/" + p.id()));
    assertThat(chartRegions()).containsExactly("Right groin", "Right sacroiliac joint");
  }

  @Test
  void onAPhoneTheMapFitsTheScreenAndTappedRegionsAreSaved() {
    Patient p = patient("BM-PHONE", "Pia");
    signIn(390, 844);
    driver.get("http://localhost:" + port + "/patients/" + p.id() + "/body-map");
    region("front.shoulder.left").click();
    region("back.thoracic").click();
    assertThat(ticked("front.shoulder.left")).isTrue();
    assertThat(ticked("back.thoracic")).isTrue();
    assertThat(overflowsSideways()).isFalse();
    Browser.screenshot(driver, "body-map-phone");

    driver.findElement(By.cssSelector("button.primary")).click();
    wait(d -> d.getCurrentUrl().endsWith("/patients/" + p.id()));
    assertThat(chartRegions()).containsExactly("Left shoulder", "Thoracic spine");
    assertThat(overflowsSideways()).isFalse();
    driver.executeScript("document.getElementById('body-map').scrollIntoView();");
    Browser.screenshot(driver, "body-map-chart-phone");

    driver.get("http://localhost:" + port + "/patients/" + p.id() + "/pain-history");
    assertThat(overflowsSideways()).isFalse();
    Browser.screenshot(driver, "pain-history-phone");
    driver.executeScript("document.getElementById('t0-type').scrollIntoView();");
    Browser.screenshot(driver, "pain-history-phone-treatments");
  }
}
