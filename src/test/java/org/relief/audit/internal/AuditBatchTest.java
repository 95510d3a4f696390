package org.relief.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.FhirClients;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appending several events at once: one lock, one commit, the chain intact (decision 0076). */
@ReliefIntegrationTest
class AuditBatchTest {

  private static final String PATIENT_URN = "urn:uuid:3b2c1d0e-0000-4a7a-9d1e-000000000001";

  @LocalServerPort int port;
  @Autowired AuditLedger ledger;
  @Autowired AuditTrail trail;
  @Autowired JdbcClient jdbc;

  @Test
  void aTransactionBundleOfNEntriesAppendsNChainedEventsInOneBatchThatVerifies() {
    int scores = 5;
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient p = new Patient();
    p.addIdentifier()
        .setSystem("https://relief.health/fhir/sid/mrn")
        .setValue("AB" + (System.nanoTime() % 100_000_000L));
    p.addName().setFamily("Batched").addGiven("Bea");
    p.setGender(AdministrativeGender.FEMALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-01-02"));
    add(bundle, PATIENT_URN, p);
    for (int i = 0; i < scores; i++) {
      Observation o = new Observation();
      o.setStatus(Observation.ObservationStatus.FINAL);
      o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "72514-3", null)));
      o.setSubject(new Reference(PATIENT_URN));
      o.setEffective(new DateTimeType("2026-01-02T09:0" + i + ":00Z"));
      o.setValue(new Quantity().setValue(i + 2));
      add(bundle, "urn:uuid:3b2c1d0e-0000-4a7a-9d1e-00000000010" + i, o);
    }
    int entries = bundle.getEntry().size();
    var client = FhirClients.full(port);
    long lastBefore = lastId();
    long appendsBefore = ledger.appendTransactions();

    client.transaction().withBundle(bundle).execute();

    long appends = ledger.appendTransactions() - appendsBefore;
    List<Map<String, Object>> events =
        jdbc.sql("SELECT id, action, object_type FROM audit_event WHERE id > :id ORDER BY id")
            .param("id", lastBefore)
            .query()
            .listOfRows();
    List<Map<String, Object>> creates =
        events.stream().filter(e -> "CREATE".equals(e.get("action"))).toList();
    assertThat(creates).hasSize(entries);
    long firstId = (Long) creates.get(0).get("id");
    assertThat(creates)
        .extracting(e -> (Long) e.get("id"))
        .containsExactlyElementsOf(
            java.util.stream.LongStream.range(firstId, firstId + entries).boxed().toList());
    // the entries' events in one batch, then the Bundle's own TRANSACTION event
    assertThat(appends).isEqualTo(2);
    assertThat(events).last().satisfies(e -> assertThat(e.get("action")).isEqualTo("TRANSACTION"));
    assertThat(ledger.verify().valid()).isTrue();
  }

  @Test
  void eventsRecordedInABatchAreAppendedEvenWhenTheWorkFailsAndTheChainVerifies() {
    long lastBefore = lastId();
    long appendsBefore = ledger.appendTransactions();
    try {
      trail.inOneBatch(
          () -> {
            trail.record(entry("batch-fail-1"));
            trail.record(entry("batch-fail-2"));
            throw new IllegalStateException("work failed");
          });
    } catch (IllegalStateException expected) {
      // the work's failure comes through unchanged
    }
    assertThat(ledger.appendTransactions() - appendsBefore).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT object_id FROM audit_event WHERE id > :id ORDER BY id")
                .param("id", lastBefore)
                .query(String.class)
                .list())
        .containsExactly("batch-fail-1", "batch-fail-2");
    assertThat(ledger.verify().valid()).isTrue();
  }

  @Test
  void eventsAppendedTogetherGetConsecutiveIdsAndVerify() {
    List<Long> ids =
        ledger.appendAll(List.of(entry("batch-a"), entry("batch-b"), entry("batch-c")));
    assertThat(ids).hasSize(3);
    assertThat(ids.get(2) - ids.get(0)).isEqualTo(2);
    assertThat(ledger.verify().valid()).isTrue();
  }

  private static AuditEntry entry(String objectId) {
    return new AuditEntry(
        "batch-tester",
        ActorType.USER,
        "READ",
        "Patient",
        objectId,
        Outcome.SUCCESS,
        "127.0.0.1",
        null);
  }

  private long lastId() {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
  }

  private static void add(Bundle bundle, String fullUrl, org.hl7.fhir.r4.model.Resource r) {
    bundle
        .addEntry()
        .setFullUrl(fullUrl)
        .setResource(r)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl(r.fhirType());
  }
}
