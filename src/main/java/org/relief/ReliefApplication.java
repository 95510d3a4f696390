package org.relief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Relief: one Spring Boot application split into Spring Modulith application modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class ReliefApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReliefApplication.class, args);
  }
}
