package org.relief.fhir;

import tools.jackson.databind.JsonNode;

/**
 * One resource of a bulk import ({@code POST /api/v1/import}) of a type Relief keeps, as parsed
 * JSON: the importer decides what to skip by {@code resourceType} before it builds even this tree.
 *
 * @param sourceId the resource's identity in the system it came from, used to make a re-import
 *     create nothing new: its first identifier ({@code system|value}), else its Bundle {@code
 *     fullUrl}, else {@code Type/id}
 * @param fullUrl its Bundle entry's {@code fullUrl} ({@code urn:uuid:...}), or null
 * @param location where it was in the input, for a rejection: "line 17", "Alda.json entry 42"
 */
public record ImportedEntry(
    String resourceType, String sourceId, String fullUrl, String location, JsonNode resource) {

  /** A text field at a path of object keys, or null. */
  public String text(String... path) {
    JsonNode node = resource;
    for (String key : path) {
      node = node == null ? null : node.get(key);
    }
    return node == null || !node.isValueNode() ? null : node.asString();
  }
}
