package org.relief.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;

/** Registers made-up patients with MRNs unique across test classes sharing one database. */
public final class TestPatients {

  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private TestPatients() {}

  /** A new patient whose MRN starts with {@code prefix}. */
  public static Patient register(PatientRegistry registry, String prefix, Sex sex) {
    long n = SEQ.incrementAndGet();
    return registry.register(
        new PatientDetails(
            prefix + "-" + n,
            "Testperson",
            "Tess" + (n % 1000),
            LocalDate.of(1960, 1, 1).plusDays(n % 10_000),
            sex,
            null,
            null,
            "en"));
  }
}
