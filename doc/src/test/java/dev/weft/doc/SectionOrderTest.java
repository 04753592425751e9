package dev.weft.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SectionOrderTest {

  private static List<String> headings(String markdown, String prefix) {
    List<String> found = new ArrayList<>();
    for (String line : markdown.split("\n")) if (line.startsWith(prefix)) found.add(line.substring(prefix.length()));
    return found;
  }

  @Test
  void topLevelSectionsFollowTheTemplate() {
    String md = SpecDocument.markdown(Specs.designExample());
    assertThat(headings(md, "## ")).containsExactly(
        "Specification revision and approval log",
        "Integration overview",
        "Prerequisites",
        "User stories",
        "Functional requirements",
        "Technical requirements",
        "Customer experience",
        "Data mapping",
        "Other data modifications");
    assertThat(headings(md, "# ")).containsExactly("Integration Specification: Shopfront orders to Ledger");
  }

  @Test
  void theSectionsAppearInTheTemplateFileInTheSameOrder() throws IOException {
    Optional<Path> template = Optional.ofNullable(System.getProperty("weft.shared"))
        .map(s -> Path.of(s, "seed", "integration-spec-template.txt")).filter(Files::exists);
    Assumptions.assumeTrue(template.isPresent(), "the shared template is not here (weft.shared unset)");
    List<String> lines = Files.readAllLines(template.get()).stream().map(String::strip).toList();
    int last = -1;
    List<String> expected = new ArrayList<>(Outline.SECTIONS);
    expected.addAll(List.of("Changes to integration-related systems", "Walkthrough of integration-related systems",
        "SMEs for integration-related systems"));
    for (String section : Outline.SECTIONS) {
      int at = lines.indexOf(section);
      assertThat(at).as("'%s' in the template", section).isGreaterThan(last);
      last = at;
    }
    String md = SpecDocument.markdown(Specs.designExample());
    for (String label : List.of("Name", "Functional Summary", "Needed Completion Date", "OKR or Roadmap Item", "Primary User Story",
        "Screen/Fields", "Trigger", "Run Frequency", "Data Flow", "API/Datastore/Filesystem", "Authentication Method",
        "Authentication Scope", "Transport Language", "Transfer Protocol", "Data Volume", "Error Handling", "Config Complexity",
        "Config Options", "Deployment", "Feature Gating")) {
      assertThat(lines).as("template label").contains(label);
      assertThat(md).contains("**" + label + ":**");
    }
  }

  @Test
  void prerequisitesAndFieldsComeInTheTemplatesOrder() {
    String md = SpecDocument.markdown(Specs.designExample());
    assertThat(headings(md, "### ").subList(0, 4)).containsExactly(
        "Changes to integration-related systems",
        "Access to sandboxes and API docs for integration-related systems",
        "Walkthrough of integration-related systems",
        "SMEs for integration-related systems");
    assertThat(md).containsSubsequence("**Name:**", "**Functional Summary:**", "**Needed Completion Date:**", "**OKR or Roadmap Item:**",
        "**Primary User Story:**", "**User Story 1:**",
        "**Screen/Fields:**", "**Trigger:**", "**Run Frequency:**", "**Data Flow:**",
        "### Ledger connection (Your App)", "**API/Datastore/Filesystem:**", "**Authentication Method:**",
        "**Authentication Scope:**", "**Transport Language:**", "**Transfer Protocol:**",
        "### Shopfront connection", "### Orders to the ledger", "**Data Volume:**", "**Error Handling:**",
        "**Config Complexity:**", "**Config Options:**", "**Deployment:**", "**Feature Gating:**",
        "| Source System | Source Field/File | Target System | Target Field/File |",
        "| Source Field/File | Action Performed | Result |");
  }

  @Test
  void ourSystemComesFirstAmongTheConnections() {
    String md = SpecDocument.markdown(Specs.designExample());
    List<String> connections = headings(md, "### ").stream().filter(h -> h.contains(" connection")).toList();
    assertThat(connections).containsExactly("Ledger connection (Your App)", "Shopfront connection");
  }
}
