package org.relief.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.FhirScopes;
import org.relief.fhir.NotKept;
import org.relief.platform.RuleViolation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /fhir} with a {@code transaction} or {@code batch} Bundle.
 *
 * <p>Design notes. Each entry goes to the same provider method a single request would reach (found
 * by its HAPI annotation), so validation, auditing and scope checks are the same. A transaction
 * runs in one database transaction: the first failing entry rolls back everything and answers with
 * that entry's status and OperationOutcome, naming the entry. A batch runs each entry on its own
 * and reports each outcome. POSTs run first, then PUTs, then GETs (FHIR's order), each group in
 * Bundle order; {@code urn:uuid:} references to entries created earlier are rewritten to the new
 * {@code Type/id}. Entries Relief does not keep (no provider for the type, or {@link NotKept}) are
 * skipped with an informational outcome and counted, so that a Synthea bundle imports what is
 * pain-relevant without failing on the rest. The events the entries record are appended to the
 * audit trail in one batch (decision 0076), inside a transaction's database transaction so that the
 * Bundle rolls back if they cannot be written.
 */
final class BundleProvider {

  private final FhirContext fhir;
  private final Map<String, IResourceProvider> providers = new HashMap<>();
  private final FhirScopes scopes;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  BundleProvider(
      FhirContext fhir,
      List<IResourceProvider> providers,
      FhirScopes scopes,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.fhir = fhir;
    providers.forEach(p -> this.providers.put(fhir.getResourceType(p.getResourceType()), p));
    this.scopes = scopes;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Transaction
  public Bundle process(@TransactionParam Bundle bundle) {
    if (bundle.getType() == Bundle.BundleType.TRANSACTION) {
      Bundle answer;
      try {
        answer = transaction.execute(status -> audit.inOneBatch(() -> run(bundle, true)));
      } catch (RuntimeException e) {
        audit.recordAccess(
            "TRANSACTION", "Bundle", null, Outcome.FAILURE, "rolled back: " + summary(bundle));
        throw e;
      }
      audit.recordAccess("TRANSACTION", "Bundle", null, Outcome.SUCCESS, summary(bundle));
      return answer;
    }
    if (bundle.getType() == Bundle.BundleType.BATCH) {
      return audit.inOneBatch(() -> run(bundle, false));
    }
    throw new InvalidRequestException(
        "POST /fhir takes a Bundle of type transaction or batch, not "
            + (bundle.hasType() ? bundle.getType().toCode() : "none")
            + ".");
  }

  private Bundle run(Bundle bundle, boolean allOrNothing) {
    List<BundleEntryComponent> entries = bundle.getEntry();
    BundleEntryComponent[] responses = new BundleEntryComponent[entries.size()];
    Map<String, String> created = new HashMap<>();
    int skipped = 0;
    for (HTTPVerb verb : List.of(HTTPVerb.POST, HTTPVerb.PUT, HTTPVerb.GET)) {
      for (int i = 0; i < entries.size(); i++) {
        BundleEntryComponent entry = entries.get(i);
        if (!entry.hasRequest() || !entry.getRequest().hasMethod()) {
          if (verb == HTTPVerb.POST) {
            responses[i] =
                fail(
                    i,
                    new InvalidRequestException("Entry " + i + " has no request."),
                    allOrNothing);
          }
          continue;
        }
        if (entry.getRequest().getMethod() != verb) {
          if (verb == HTTPVerb.POST
              && !List.of(HTTPVerb.POST, HTTPVerb.PUT, HTTPVerb.GET)
                  .contains(entry.getRequest().getMethod())) {
            responses[i] =
                fail(
                    i,
                    new InvalidRequestException(
                        "Relief does not support "
                            + entry.getRequest().getMethod().toCode()
                            + " in a Bundle."),
                    allOrNothing);
          }
          continue;
        }
        try {
          responses[i] = one(entry, created);
        } catch (NotKept e) {
          skipped++;
          responses[i] = skippedEntry(e.getMessage());
        } catch (RuntimeException e) {
          responses[i] = fail(i, e, allOrNothing);
        }
      }
    }
    Bundle answer = new Bundle();
    answer.setType(
        allOrNothing ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
    for (BundleEntryComponent response : responses) {
      answer.addEntry(response);
    }
    if (skipped > 0) {
      answer.getMeta().addTag(SKIPPED, Integer.toString(skipped), "entries skipped: not kept");
    }
    return answer;
  }

  /** The tag on a response Bundle whose code is how many entries were skipped. */
  static final String SKIPPED = "https://relief.health/fhir/CodeSystem/skipped-entries";

  private BundleEntryComponent one(BundleEntryComponent entry, Map<String, String> created) {
    var request = entry.getRequest();
    String url = request.getUrl() == null ? "" : request.getUrl();
    return switch (request.getMethod()) {
      case POST -> {
        Resource resource = entry.getResource();
        if (resource == null) {
          throw new InvalidRequestException("A POST entry needs a resource.");
        }
        String type = resource.fhirType();
        IResourceProvider provider = providerOrSkip(type);
        scopes.require(type, 'c');
        String ifNoneExist = request.getIfNoneExist();
        if (ifNoneExist != null && !ifNoneExist.isBlank()) {
          scopes.require(type, 's');
        }
        resolveReferences(resource, created);
        MethodOutcome outcome =
            (MethodOutcome)
                invoke(
                    provider,
                    Create.class,
                    null,
                    resource,
                    ifNoneExist == null || ifNoneExist.isBlank() ? null : type + "?" + ifNoneExist);
        IdType id = (IdType) outcome.getId();
        if (entry.hasFullUrl()) {
          created.put(entry.getFullUrl(), id.toUnqualifiedVersionless().getValue());
        }
        yield written(Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK", id);
      }
      case PUT -> {
        Resource resource = entry.getResource();
        IdType id = new IdType(url);
        if (resource == null || !id.hasIdPart() || !id.hasResourceType()) {
          throw new InvalidRequestException("A PUT entry needs a resource and a URL Type/id.");
        }
        IResourceProvider provider = providerOrSkip(id.getResourceType());
        scopes.require(id.getResourceType(), 'u');
        if (request.hasIfMatch()) {
          id = id.withVersion(request.getIfMatch().replaceAll("^W/\"|\"$", ""));
        }
        resolveReferences(resource, created);
        resource.setId(id.toUnqualifiedVersionless());
        MethodOutcome outcome = (MethodOutcome) invoke(provider, Update.class, id, resource, null);
        yield written("200 OK", (IdType) outcome.getId());
      }
      case GET -> {
        IdType id = new IdType(url);
        if (url.contains("?") || !id.hasIdPart() || !id.hasResourceType()) {
          throw new InvalidRequestException(
              "A GET entry in a Bundle reads Type/id; search it with GET /fhir/Type?... instead.");
        }
        IResourceProvider provider = providerOrSkip(id.getResourceType());
        scopes.require(id.getResourceType(), 'r');
        Resource read = (Resource) invoke(provider, Read.class, id, null, null);
        BundleEntryComponent answer = new BundleEntryComponent();
        answer.setResource(read);
        answer.getResponse().setStatus("200 OK");
        yield answer;
      }
      default -> throw new InvalidRequestException("Unsupported method in a Bundle.");
    };
  }

  private IResourceProvider providerOrSkip(String type) {
    IResourceProvider provider = providers.get(type);
    if (provider == null) {
      throw new NotKept("Relief does not keep " + type + " resources; the entry was skipped.");
    }
    return provider;
  }

  /** Rewrites {@code urn:uuid:} references to the resources this Bundle created before. */
  private void resolveReferences(IBaseResource resource, Map<String, String> created) {
    for (Reference ref :
        fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      String target = ref.getReference();
      if (target != null && target.startsWith("urn:") && created.containsKey(target)) {
        ref.setReference(created.get(target));
      }
    }
  }

  private static Object invoke(
      IResourceProvider provider,
      Class<? extends Annotation> operation,
      IdType id,
      IBaseResource resource,
      String conditionalUrl) {
    for (Method method : provider.getClass().getMethods()) {
      if (!method.isAnnotationPresent(operation)) {
        continue;
      }
      Object[] args = new Object[method.getParameterCount()];
      Annotation[][] annotations = method.getParameterAnnotations();
      for (int p = 0; p < args.length; p++) {
        for (Annotation a : annotations[p]) {
          if (a instanceof ResourceParam) {
            args[p] = resource;
          } else if (a instanceof IdParam) {
            args[p] = id;
          } else if (a instanceof ConditionalUrlParam) {
            args[p] = conditionalUrl;
          }
        }
      }
      try {
        return method.invoke(provider, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new InvalidRequestException(
        "Relief does not support this interaction on "
            + provider.getResourceType().getSimpleName()
            + " in a Bundle.");
  }

  private static BundleEntryComponent written(String status, IdType id) {
    BundleEntryComponent answer = new BundleEntryComponent();
    answer
        .getResponse()
        .setStatus(status)
        .setLocation(id.getValue())
        .setEtag(id.hasVersionIdPart() ? "W/\"" + id.getVersionIdPart() + "\"" : null);
    return answer;
  }

  private static BundleEntryComponent skippedEntry(String message) {
    BundleEntryComponent answer = new BundleEntryComponent();
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.NOTSUPPORTED)
        .setDiagnostics(message);
    answer.getResponse().setStatus("200 OK").setOutcome(outcome);
    return answer;
  }

  /**
   * In a transaction the failure is thrown (rolling back) with the entry named; in a batch it
   * becomes that entry's answer.
   */
  private BundleEntryComponent fail(int index, RuntimeException e, boolean allOrNothing) {
    if (allOrNothing) {
      throw named(index, e);
    }
    RuntimeException answer = e;
    int status;
    OperationOutcome outcome;
    if (answer instanceof BaseServerResponseException server) {
      status = server.getStatusCode();
      outcome =
          server.getOperationOutcome() instanceof OperationOutcome o
              ? o
              : OperationOutcomeErrors.outcome(IssueType.PROCESSING, "error", server.getMessage());
    } else if (answer instanceof RuleViolation rule) {
      status = 422;
      outcome =
          OperationOutcomeErrors.outcome(IssueType.BUSINESSRULE, rule.code(), rule.getMessage());
    } else if (answer instanceof org.relief.platform.NotFound missing) {
      status = 404;
      outcome =
          OperationOutcomeErrors.outcome(IssueType.NOTFOUND, "not-found", missing.getMessage());
    } else {
      throw e;
    }
    BundleEntryComponent entry = new BundleEntryComponent();
    entry.getResponse().setStatus(Integer.toString(status)).setOutcome(outcome);
    return entry;
  }

  private static RuntimeException named(int index, RuntimeException e) {
    String prefix = "Entry " + index + ": ";
    if (e instanceof BaseServerResponseException server) {
      BaseServerResponseException renamed =
          BaseServerResponseException.newInstance(
              server.getStatusCode(), prefix + server.getMessage());
      renamed.setOperationOutcome(server.getOperationOutcome());
      return renamed;
    }
    if (e instanceof RuleViolation rule) {
      return new RuleViolation(rule.code(), prefix + rule.getMessage());
    }
    if (e instanceof org.relief.platform.NotFound missing) {
      return new org.relief.platform.NotFound(prefix + missing.getMessage());
    }
    return e;
  }

  private static String summary(Bundle bundle) {
    return "entries " + bundle.getEntry().size();
  }
}
