package org.relief;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.relief");

  @Test
  void timeIsReadFromTheInjectedClock() {
    noClasses()
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "java.time ... now() without a Clock",
                call ->
                    call.getName().equals("now")
                        && call.getTarget().getRawParameterTypes().isEmpty()
                        && call.getTargetOwner().getPackageName().equals("java.time")))
        .because("time comes from an injected Clock (house rule 7)")
        .check(MAIN);
  }

  @Test
  void onlyTheSyntheticDemoCreatesAccountsSharingOnePasswordHash() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..demo..")
        .and()
        .doNotHaveSimpleName("UserAccounts")
        .should()
        .callMethod(
            org.relief.identity.UserAccounts.class, "createSharingPassword", java.util.List.class)
        .because(
            "accounts of real people each get their own salted hash; only demo seeding shares one")
        .check(MAIN);
  }

  @Test
  void controllersArePackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .notHaveModifier(JavaModifier.PUBLIC)
        .because("controllers are thin and package-private (house rule 8)")
        .check(MAIN);
  }

  @Test
  void noFieldInjection() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
        .because("dependencies come through constructors")
        .check(MAIN);
  }

  @Test
  void templatesNeverRenderUnescapedText() throws IOException {
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".html"))
              .filter(ArchitectureTests::usesUnescapedText)
              .toList();
    }
    assertThat(offenders).as("templates using th:utext (house rule 9)").isEmpty();
  }

  @Test
  void stylesheetsCloseEveryBlockTheyOpen() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static"))) {
      for (Path css : files.filter(p -> p.toString().endsWith(".css")).toList()) {
        int depth = 0;
        for (char c : Files.readString(css).toCharArray()) {
          depth += c == '{' ? 1 : c == '}' ? -1 : 0;
          assertThat(depth).as("%s closes a block it never opened", css).isNotNegative();
        }
        assertThat(depth).as("%s leaves %d blocks open", css, depth).isZero();
      }
    }
  }

  private static boolean usesUnescapedText(Path template) {
    try {
      String html = Files.readString(template);
      return html.contains("th:utext") || html.contains("[(${");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
