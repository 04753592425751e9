package dev.weft.console;

import dev.weft.doc.SpecDocument;
import dev.weft.model.Spec;
import dev.weft.server.Caller;
import dev.weft.server.Refused;
import dev.weft.server.ServerServices;
import dev.weft.server.SpecVersion;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Integrations: the list, one integration's specification document, versions, diff and approvals. */
final class IntegrationPages {
  private final ServerServices services;
  private final Pages pages;
  private final Marketplace marketplace;
  private final SpecTexts texts;

  IntegrationPages(ServerServices services, Pages pages) {
    this.services = services;
    this.pages = pages;
    this.marketplace = new Marketplace(services.catalog(), services.instances());
    this.texts = new SpecTexts(services.store().dataSource());
  }

  void register(Routes routes) {
    routes.get("/console/integrations", this::list);
    routes.get("/console/home", this::home);
    routes.get("/console/integrations/{id}", this::show);
    routes.get("/console/integrations/{id}/diff", this::diff);
    routes.post("/console/integrations/{id}/versions/{v}/approve", this::approve);
  }

  public record IntegrationRow(String id, String name, String summary, String latest, String latestApproved, int flows,
      List<String> plans, boolean openToAll, List<String> myInstances) {}

  public record ListView(Chrome chrome, List<IntegrationRow> rows) {}

  private void list(Context ctx, Session session) {
    pages.show(ctx, "integrations.jte", new ListView(Chrome.of(session, "Integrations", "integrations"), rows(session)));
  }

  /** A customer's start page: the integrations it may switch on, and its instances of them. */
  private void home(Context ctx, Session session) {
    if (session.admin()) {
      ctx.redirect("/console/integrations", HttpStatus.SEE_OTHER);
      return;
    }
    pages.show(ctx, "home.jte", new ListView(Chrome.of(session, "Your integrations", "home"), rows(session)));
  }

  private List<IntegrationRow> rows(Session session) {
    List<IntegrationRow> rows = new ArrayList<>();
    Optional<String> customer = session.caller() instanceof Caller.Customer c ? Optional.of(c.customer()) : Optional.empty();
    List<dev.weft.server.Instance> mine = customer.map(marketplace::instancesOf).orElse(List.of());
    for (String id : marketplace.visible(session.caller())) {
      List<SpecVersion> versions = services.catalog().versions(id);
      Spec spec = versions.get(0).spec();
      rows.add(new IntegrationRow(id, spec.name(), spec.summary().orElse(""), versions.get(0).version(),
          versions.stream().filter(SpecVersion::approved).findFirst().map(SpecVersion::version).orElse(""),
          spec.flows().size(), List.copyOf(spec.plans().keySet()), spec.plans().isEmpty(),
          mine.stream().filter(i -> i.integrationId().equals(id)).map(dev.weft.server.Instance::id).toList()));
    }
    return rows;
  }

  public record VersionRow(String version, String fileName, Instant loadedAt, boolean approved, String approvedBy,
      Optional<Instant> approvedAt, boolean shown) {}

  public record IntegrationView(Chrome chrome, String id, String name, String shownVersion, boolean shownIsLatest,
      List<VersionRow> versions, String documentHtml, boolean canApprove, boolean canCreate) {}

  private void show(Context ctx, Session session) {
    String id = ctx.pathParam("id");
    List<SpecVersion> versions = visibleVersions(session, id);
    String wanted = Optional.ofNullable(ctx.queryParam("version")).filter(v -> !v.isBlank()).orElse(versions.get(0).version());
    SpecVersion shown = versions.stream().filter(v -> v.version().equals(wanted)).findFirst()
        .orElseThrow(() -> new Routes.NotFound("integration " + id + " has no version " + wanted));
    List<Spec.Revision> approvals = shown.approval()
        .map(a -> List.of(new Spec.Revision(a.at().toString().substring(0, 10), "Approved (version " + shown.version() + ")", a.by())))
        .orElse(List.of());
    String document = DocumentBody.of(SpecDocument.html(shown.spec(), approvals));
    List<VersionRow> rows = versions.stream().map(v -> new VersionRow(v.version(), v.fileName(), v.loadedAt(), v.approved(),
        v.approval().map(SpecVersion.Approval::by).orElse(""), v.approval().map(SpecVersion.Approval::at),
        v.version().equals(shown.version()))).toList();
    boolean canCreate = session.admin() || marketplace.openToAll(id);
    pages.show(ctx, "integration.jte", new IntegrationView(Chrome.of(session, shown.spec().name(), "integrations"), id,
        shown.spec().name(), shown.version(), shown == versions.get(0), rows, document, session.admin(), canCreate));
  }

  public record DiffView(Chrome chrome, String id, String name, String from, String to, List<String> versions,
      List<VersionDiff.Row> rows) {}

  private void diff(Context ctx, Session session) {
    String id = ctx.pathParam("id");
    List<SpecVersion> versions = visibleVersions(session, id);
    String from = Optional.ofNullable(ctx.queryParam("from")).orElse(versions.get(versions.size() > 1 ? 1 : 0).version());
    String to = Optional.ofNullable(ctx.queryParam("to")).orElse(versions.get(0).version());
    String oldText = texts.text(id, from).orElseThrow(() -> new Routes.NotFound("integration " + id + " has no version " + from));
    String newText = texts.text(id, to).orElseThrow(() -> new Routes.NotFound("integration " + id + " has no version " + to));
    pages.show(ctx, "diff.jte", new DiffView(Chrome.of(session, "Changes of " + versions.get(0).spec().name(), "integrations"),
        id, versions.get(0).spec().name(), from, to, versions.stream().map(SpecVersion::version).toList(),
        VersionDiff.sideBySide(oldText, newText)));
  }

  private void approve(Context ctx, Session session) {
    if (!session.admin()) throw new Refused(403, "Only an administrator approves versions.");
    String id = ctx.pathParam("id");
    String version = ctx.pathParam("v");
    SpecVersion v = services.catalog().find(id, version)
        .orElseThrow(() -> new Routes.NotFound("integration " + id + " has no version " + version));
    String by = Optional.ofNullable(ctx.formParam("by")).orElse("").strip();
    if (by.isEmpty()) {
      session.tell(new Session.Notice(false, "Say who approves version " + version + " (the approval log keeps the name)."));
    } else {
      services.catalog().approve(v.integrationId(), v.version(), by);
      services.resyncAll();
      session.tell(new Session.Notice(true, "Version " + version + " approved by " + by + "."));
    }
    ctx.redirect("/console/integrations/" + id + "?version=" + version, HttpStatus.SEE_OTHER);
  }

  private List<SpecVersion> visibleVersions(Session session, String id) {
    if (!marketplace.sees(session.caller(), id)) throw new Routes.NotFound("no integration " + id);
    List<SpecVersion> versions = services.catalog().versions(id);
    if (versions.isEmpty()) throw new Routes.NotFound("no integration " + id);
    return versions;
  }
}
