package dev.weft.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapsAndRevisionsTest {

  @Test
  void whatTheSpecLeavesEmptyReadsNotSpecified() {
    String md = SpecDocument.markdown(Specs.minimal());
    assertThat(md).contains(
        "**Functional Summary:** *Not specified*",
        "**Needed Completion Date:** *Not specified*",
        "**OKR or Roadmap Item:** *Not specified*",
        "**Primary User Story:** *Not specified*",
        "**Screen/Fields:** *Not specified*",
        "**Transport Language:** *Not specified*",
        "**Data Volume:** *Not specified*",
        "**Config Complexity:** *Not specified*",
        "**Deployment:** *Not specified*",
        "| *Not specified* |  |  |");
    assertThat(md).contains("**Trigger:** Runs on demand only (no trigger declared).", "**Run Frequency:** On demand only",
        "**Feature Gating:** Every flow for every customer (no plans declared).");
  }

  @Test
  void aCompleteSpecHasNoGapsInTheOverview() {
    String md = SpecDocument.markdown(Specs.designExample());
    String overview = md.substring(md.indexOf("## Integration overview"), md.indexOf("## Prerequisites"));
    assertThat(overview).doesNotContain("Not specified");
  }

  @Test
  void extraRevisionsFollowTheSpecsOwn() {
    List<Spec.Revision> approvals = List.of(new Spec.Revision("2026-12-02", "Approved version 3", "Dana <ops>"));
    String md = SpecDocument.markdown(Specs.designExample(), approvals);
    assertThat(md).containsSubsequence("| 2026-11-20 | Drafted | Integration team |", "| 2026-11-24 | Approved | Head of Operations |",
        "| 2026-12-02 | Approved version 3 | Dana \\<ops\\> |", "## Integration overview");
    assertThat(SpecDocument.html(Specs.designExample(), approvals))
        .contains("<td>2026-12-02</td><td>Approved version 3</td><td>Dana &lt;ops&gt;</td>");
    assertThat(SpecDocument.markdown(Specs.designExample())).doesNotContain("2026-12-02");
  }

  @Test
  void plansThatLeaveAFlowOutSayWhich() {
    Spec base = Specs.designExample();
    Spec spec = new Spec(1, base.id(), base.name(), base.summary(), base.neededBy(), base.roadmap(), base.revisions(), base.prerequisites(),
        base.userStories(), base.screensFields(), base.dataFlow(), base.systems(), base.config(),
        java.util.Map.of("starter", List.of("orders")), base.customerExperience(), base.flows(), base.tests());
    assertThat(SpecDocument.markdown(spec)).contains("| `starter` | Orders to the ledger |", "In no plan, so no customer gets them: contacts.");
  }
}
