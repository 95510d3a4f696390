package org.relief.fhir.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.BulkImportHandler;
import org.relief.fhir.ImportTally;
import org.relief.fhir.ImportedEntry;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bulk import: NDJSON (one FHIR resource a line) or a folder of FHIR Bundles (Synthea's
 * transaction bundles), as fast as PostgreSQL allows.
 *
 * <p>Design notes (decision 0074). The input is read with Jackson's streaming parser. Each
 * resource's {@code resourceType} is read first (Synthea and FHIR bulk exports write it first), and
 * a resource of a type no {@link BulkImportHandler} keeps is skipped token by token without
 * building any object, let alone HAPI's model: that is most of a Synthea bundle. Kept resources are
 * gathered into batches of {@code batch-size}; a batch runs in one transaction, patients first
 * (stage 0), then the records that refer to them, each handler writing its part with a few
 * statements, and is audited as one event with its counts. Handlers check entries before writing so
 * that one bad entry is rejected with its line and the rest imported; if a batch fails anyway, its
 * entries are reported rejected and the import goes on. All-or-nothing runs every batch in one
 * transaction and rolls it back if anything was rejected. Synthea's {@code urn:uuid:} references
 * and bulk-export {@code Patient/<id>} references resolve through the {@link ImportTally}, which
 * remembers every imported or already present patient by both.
 */
@Service
class BulkImporter {

  private static final String IMPORT = org.relief.audit.AuditActions.IMPORT;

  private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);

  private final List<BulkImportHandler> handlers;
  private final Map<String, BulkImportHandler> byType = new HashMap<>();
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final BulkImportSettings settings;

  /** Reads one value at a time from a stream that goes on after it. */
  private final ObjectMapper json =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  BulkImporter(
      List<BulkImportHandler> handlers,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      BulkImportSettings settings) {
    this.handlers =
        handlers.stream().sorted(Comparator.comparingInt(BulkImportHandler::stage)).toList();
    handlers.forEach(h -> h.resourceTypes().forEach(t -> byType.put(t, h)));
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.settings = settings;
  }

  /** What an import did and whether it was kept. */
  record Result(ImportTally tally, boolean allOrNothing, boolean committed) {}

  /** Imports NDJSON, one resource a line. */
  Result ndjson(InputStream body, boolean allOrNothing) {
    return run(allOrNothing, sink -> lines(body, sink, ""));
  }

  /** Imports every {@code *.json} and {@code *.ndjson} file of a folder inside the import root. */
  Result folder(String folder, boolean allOrNothing) {
    Path dir = insideRoot(folder);
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files =
          listed
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new RuleViolation("folder-unreadable", "The folder " + folder + " cannot be read.");
    }
    return run(
        allOrNothing,
        sink -> {
          for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".ndjson")) {
              try (InputStream in = Files.newInputStream(file)) {
                lines(in, sink, name + " ");
              }
              continue;
            }
            try (InputStream in = Files.newInputStream(file);
                JsonParser parser = json.createParser(in)) {
              bundle(parser, name, sink);
            } catch (JacksonException e) {
              sink.tally.rejected(
                  name, "Bundle", "The file is not valid JSON: it was not read to its end.");
            }
          }
        });
  }

  /** Reads NDJSON: each line a resource, its location the line number. */
  private void lines(InputStream in, Sink sink, String prefix) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    long number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String location = prefix + "line " + number;
      try (JsonParser parser = json.createParser(line)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          sink.tally.rejected(location, null, "The line is not a JSON object.");
          continue;
        }
        Read read = readResource(parser);
        if (parser.nextToken() != null) {
          sink.tally.rejected(location, read.type, "The line holds more than one JSON value.");
          continue;
        }
        sink.accept(read, null, location);
      } catch (JacksonException e) {
        sink.tally.rejected(location, null, "The line is not valid JSON.");
      }
    }
  }

  /** The folder, resolved with links followed, if it is the import root or inside it. */
  Path insideRoot(String folder) {
    if (settings.root() == null) {
      throw new RuleViolation(
          "no-import-root",
          "Folder import is off: an administrator must set relief.fhir.bulk-import.root.");
    }
    if (folder == null || folder.isBlank()) {
      throw new RuleViolation(
          "folder-missing", "Give the folder to import, inside the import root.");
    }
    try {
      Path root = settings.root().toRealPath();
      Path asked = root.resolve(folder).normalize();
      if (!asked.startsWith(root) || !Files.isDirectory(asked)) {
        throw outsideRoot(folder);
      }
      Path real = asked.toRealPath();
      if (!real.startsWith(root)) {
        throw outsideRoot(folder);
      }
      return real;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw outsideRoot(folder);
    }
  }

  private static RuleViolation outsideRoot(String folder) {
    return new RuleViolation(
        "folder-outside-import-root",
        "The folder '"
            + folder
            + "' is not a folder inside the import root; Relief imports only from there.");
  }

  /** The entries of a Bundle, each resource read (or skipped) as it streams past. */
  private void bundle(JsonParser parser, String name, Sink sink) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      sink.tally.rejected(name, "Bundle", "The file is not a FHIR Bundle.");
      return;
    }
    int index = -1;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!"entry".equals(field) || value != JsonToken.START_ARRAY) {
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        index++;
        String fullUrl = null;
        Read read = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = parser.currentName();
          JsonToken token = parser.nextToken();
          if ("fullUrl".equals(key) && token == JsonToken.VALUE_STRING) {
            fullUrl = parser.getString();
          } else if ("resource".equals(key) && token == JsonToken.START_OBJECT) {
            read = readResource(parser);
          } else {
            parser.skipChildren();
          }
        }
        String location = name + " entry " + index;
        if (read == null) {
          sink.tally.rejected(location, null, "The entry has no resource.");
        } else {
          sink.accept(read, fullUrl, location);
        }
      }
    }
  }

  /** A resource read from its opening brace: its type, and its tree only when the type is kept. */
  private record Read(String type, ObjectNode resource) {}

  /**
   * Reads one resource object (the parser is on its START_OBJECT). When {@code resourceType} comes
   * first and is not kept, the rest is skipped without building anything.
   */
  private Read readResource(JsonParser parser) {
    ObjectNode node = null;
    String type = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      JsonToken token = parser.nextToken();
      if ("resourceType".equals(key) && token == JsonToken.VALUE_STRING) {
        type = parser.getString();
        if (node == null && !byType.containsKey(type)) {
          skipRest(parser);
          return new Read(type, null);
        }
      }
      if (node == null) {
        node = json.createObjectNode();
      }
      node.set(key, (JsonNode) json.readTree(parser));
    }
    return new Read(type, type != null && byType.containsKey(type) ? node : null);
  }

  private static void skipRest(JsonParser parser) {
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
      parser.nextToken();
      parser.skipChildren();
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected token " + token);
    }
  }

  private interface Input {
    void read(Sink sink) throws IOException;
  }

  /** Gathers kept resources into batches and writes each when full. */
  private final class Sink {
    final ImportTally tally = new ImportTally();
    final boolean allOrNothing;
    final List<ImportedEntry> batch = new ArrayList<>();
    int batches;

    Sink(boolean allOrNothing) {
      this.allOrNothing = allOrNothing;
    }

    void accept(Read read, String fullUrl, String location) {
      if (read.type == null) {
        tally.rejected(location, null, "The resource has no resourceType.");
        return;
      }
      if (read.resource == null) {
        tally.skipped(read.type);
        return;
      }
      batch.add(
          new ImportedEntry(read.type, sourceId(read, fullUrl), fullUrl, location, read.resource));
      if (batch.size() >= settings.batchSize()) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<ImportedEntry> entries = List.copyOf(batch);
      batch.clear();
      batches++;
      ImportTally part = new ImportTally();
      tally.lendPatientsTo(part);
      try {
        if (allOrNothing) {
          write(entries, part);
        } else {
          transaction.executeWithoutResult(status -> write(entries, part));
        }
      } catch (RuntimeException e) {
        if (allOrNothing) {
          throw e;
        }
        log.warn("Import batch {} of {} entries failed: {}", batches, entries.size(), e.toString());
        ImportTally failed = new ImportTally();
        for (ImportedEntry entry : entries) {
          failed.rejected(
              entry, "The database refused the batch holding this entry; import it again.");
        }
        audit.recordAccess(
            IMPORT, "Bundle", null, Outcome.FAILURE, "batch " + batches + ": " + failed.summary());
        tally.absorb(failed);
        return;
      }
      audit.recordAccess(
          IMPORT, "Bundle", null, Outcome.SUCCESS, "batch " + batches + ": " + part.summary());
      tally.absorb(part);
    }

    private void write(List<ImportedEntry> entries, ImportTally part) {
      for (BulkImportHandler handler : handlers) {
        Set<String> types = handler.resourceTypes();
        List<ImportedEntry> mine =
            entries.stream().filter(e -> types.contains(e.resourceType())).toList();
        if (!mine.isEmpty()) {
          handler.importBatch(mine, part);
        }
      }
    }
  }

  private Result run(boolean allOrNothing, Input input) {
    Sink sink = new Sink(allOrNothing);
    if (!allOrNothing) {
      read(input, sink);
      return new Result(sink.tally, false, true);
    }
    Boolean committed =
        transaction.execute(
            status -> {
              read(input, sink);
              if (sink.tally.rejectedTotal() > 0) {
                status.setRollbackOnly();
                return false;
              }
              return true;
            });
    if (!Boolean.TRUE.equals(committed)) {
      audit.recordAccess(
          IMPORT, "Bundle", null, Outcome.FAILURE, "rolled back: " + sink.tally.summary());
    }
    return new Result(sink.tally, true, Boolean.TRUE.equals(committed));
  }

  private static void read(Input input, Sink sink) {
    try {
      input.read(sink);
    } catch (IOException e) {
      throw new RuleViolation("import-unreadable", "The import could not be read to its end.");
    }
    sink.flush();
  }

  /** The first identifier (system|value), else the fullUrl, else Type/id. */
  private static String sourceId(Read read, String fullUrl) {
    JsonNode identifiers = read.resource.get("identifier");
    if (identifiers != null && identifiers.isArray()) {
      for (JsonNode identifier : identifiers) {
        JsonNode value = identifier.get("value");
        if (value != null && value.isString() && !value.asString().isBlank()) {
          JsonNode system = identifier.get("system");
          return cut((system == null ? "" : system.asString()) + "|" + value.asString());
        }
      }
    }
    if (fullUrl != null && !fullUrl.isBlank()) {
      return cut(fullUrl);
    }
    JsonNode id = read.resource.get("id");
    return id == null || !id.isString() ? null : cut(read.type + "/" + id.asString());
  }

  private static String cut(String id) {
    return id.length() <= 300 ? id : id.substring(0, 300);
  }
}
