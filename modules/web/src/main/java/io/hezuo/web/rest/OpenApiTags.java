package io.hezuo.web.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Groups the operations of {@code /openapi} by module: an operation without a tag gets the module
 * of its path ({@code /api/v1/submission/…} → {@code submission}), and each module's tag says what
 * it owns. Registered as {@code mp.openapi.filter} in {@code
 * META-INF/microprofile-config.properties}.
 */
public class OpenApiTags implements OASFilter {

  /** The modules with REST endpoints and what they own. */
  static final Map<String, String> MODULES =
      Map.of(
          "directory", "Units, people, accounts and registration; the white list; other plans",
          "call", "The yearly call: lines, caps, partner countries, platforms, topics, deadlines",
          "submission", "Applications: drafts, checks, attachments, submission, unit decisions",
          "recommendation", "Recommending units: recommendations within quotas",
          "formal-review", "Formal review: similarity checks and decisions",
          "expert-scoring", "Expert scoring: assignments, conflicts and scores",
          "contract", "Contracts and funds");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, Tag> used = new TreeMap<>();
    for (Map.Entry<String, PathItem> e : openAPI.getPaths().getPathItems().entrySet()) {
      String module = module(e.getKey());
      if (module == null || e.getValue().getOperations() == null) {
        continue;
      }
      for (Operation op : e.getValue().getOperations().values()) {
        if (op.getTags() == null || op.getTags().isEmpty()) {
          op.setTags(new ArrayList<>(List.of(module)));
        }
      }
      used.computeIfAbsent(
          module,
          m -> OASFactory.createTag().name(m).description(MODULES.getOrDefault(m, "Module " + m)));
    }
    List<Tag> tags = new ArrayList<>(openAPI.getTags() == null ? List.of() : openAPI.getTags());
    for (Tag t : used.values()) {
      if (tags.stream().noneMatch(x -> t.getName().equals(x.getName()))) {
        tags.add(t);
      }
    }
    openAPI.setTags(tags);
  }

  /**
   * {@code submission} for {@code /api/v1/submission/applications}; null outside {@code /api/v1}.
   */
  static String module(String path) {
    String prefix = "/api/v1/";
    if (path == null || !path.startsWith(prefix)) {
      return null;
    }
    String rest = path.substring(prefix.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
