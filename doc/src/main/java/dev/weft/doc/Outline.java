package dev.weft.doc;

import dev.weft.model.Spec;
import java.util.ArrayList;
import java.util.List;

/** The whole document as blocks, section by section in the template's order. */
final class Outline {
  /** The template's top-level sections, in its order. */
  static final List<String> SECTIONS =
      List.of(
          "Specification revision and approval log",
          "Integration overview",
          "Prerequisites",
          "User stories",
          "Functional requirements",
          "Technical requirements",
          "Customer experience",
          "Data mapping",
          "Other data modifications");

  private Outline() {}

  static List<Block> of(Spec spec, List<Spec.Revision> extraRevisions) {
    List<Block> blocks = new ArrayList<>();
    FrontSections.title(spec, blocks);
    FrontSections.revisions(spec, extraRevisions, blocks);
    FrontSections.overview(spec, blocks);
    FrontSections.prerequisites(spec, blocks);
    FrontSections.userStories(spec, blocks);
    FrontSections.functionalRequirements(spec, blocks);
    TechnicalSection.of(spec, blocks);
    CustomerSection.of(spec, blocks);
    MappingSections.dataMapping(spec, blocks);
    MappingSections.modifications(spec, blocks);
    return blocks;
  }
}
