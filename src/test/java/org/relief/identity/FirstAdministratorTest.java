package org.relief.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relief.ReliefApplication;
import org.relief.support.Http;
import org.relief.support.TestFolders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

  private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

  private final Path folder = TestFolders.newFolder();

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ReliefApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--relief.database.embedded.directory=" + folder.resolve("data"),
            "--relief.identity.admin-password=");
  }

  @Test
  void generatedPasswordIsPrintedOnceAndSignsTheAdminIn(CapturedOutput output) {
    String password;
    try (var app = start()) {
      Matcher m = PRINTED.matcher(output.getOut());
      assertThat(m.find()).as("password printed on first start").isTrue();
      password = m.group(1);
      assertThat(password).hasSize(20);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      var signIn = Http.browser(port).signIn("admin", password);
      assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }
    int printedBefore = count(output.getOut());
    try (var again = start()) {
      assertThat(count(output.getOut())).as("not printed on restart").isEqualTo(printedBefore);
    }
    assertThat(output.getAll().lines().filter(l -> l.contains(password)).count())
        .as("the password appears only in the one console banner")
        .isEqualTo(1);
  }

  private static int count(String text) {
    Matcher m = PRINTED.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
