package dev.weft.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weft.engine.DeadLetterReplay;
import dev.weft.engine.RunStartException;
import dev.weft.server.FlowRuns;
import dev.weft.server.Instance;
import dev.weft.server.Refused;
import dev.weft.server.ServerServices;
import dev.weft.store.DeadLetter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dead letters: the list, one letter with its record and reason, and replaying one or all. */
final class DeadLetterPages {
  static final int PAGE = 50;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ServerServices services;
  private final Pages pages;
  private final DeadLetterSearch search;

  DeadLetterPages(ServerServices services, Pages pages) {
    this.services = services;
    this.pages = pages;
    this.search = new DeadLetterSearch(services.store().dataSource());
  }

  void register(Routes routes) {
    routes.get("/console/dead-letters", this::list);
    routes.get("/console/dead-letters/{id}", this::show);
    routes.post("/console/dead-letters/{id}/replay", this::replayOne);
    routes.post("/console/dead-letters/replay", this::replayAll);
  }

  public record ListView(Chrome chrome, String instance, String flow, boolean withReplayed, List<DeadLetter> letters,
      Optional<Long> next, boolean firstPage) {
    public String query() {
      return "&instance=" + enc(instance) + "&flow=" + enc(flow) + (withReplayed ? "&replayed=on" : "");
    }
  }

  private void list(Context ctx, Session session) {
    String instance = Optional.ofNullable(ctx.queryParam("instance")).map(String::strip).orElse("");
    String flow = Optional.ofNullable(ctx.queryParam("flow")).map(String::strip).orElse("");
    boolean withReplayed = ctx.queryParam("replayed") != null;
    Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).flatMap(DeadLetterPages::number);
    DeadLetterSearch.Page page = search.page(session.caller(), Optional.of(instance).filter(s -> !s.isEmpty()),
        Optional.of(flow).filter(s -> !s.isEmpty()), withReplayed, before, PAGE);
    pages.show(ctx, "deadLetters.jte", new ListView(Chrome.of(session, "Dead letters", "dead-letters"), instance, flow,
        withReplayed, page.letters(), page.next(), before.isEmpty()));
  }

  public record LetterView(Chrome chrome, DeadLetter letter, String sourceJson, Optional<String> mappedJson) {}

  private void show(Context ctx, Session session) throws JsonProcessingException {
    DeadLetter letter = visible(session, ctx.pathParam("id"));
    pages.show(ctx, "deadLetter.jte", new LetterView(Chrome.of(session, "Dead letter " + letter.id(), "dead-letters"), letter,
        JSON.writeValueAsString(letter.sourceRecord()),
        letter.mappedRecord().isPresent() ? Optional.of(JSON.writeValueAsString(letter.mappedRecord().get())) : Optional.empty()));
  }

  private void replayOne(Context ctx, Session session) {
    DeadLetter letter = visible(session, ctx.pathParam("id"));
    if (letter.replayed()) throw new Refused(409, "Dead letter " + letter.id() + " was already delivered by a replay.");
    List<DeadLetterReplay.Replayed> results = replay(letter.instance(), letter.flow(), List.of(letter));
    DeadLetterReplay.Replayed r = results.get(0);
    session.tell(r.delivered()
        ? new Session.Notice(true, "Dead letter " + letter.id() + " delivered.")
        : new Session.Notice(false, "Dead letter " + letter.id() + " failed again: " + r.reason().orElse("")));
    ctx.redirect("/console/dead-letters/" + letter.id(), HttpStatus.SEE_OTHER);
  }

  /** Every pending letter of an instance (of one flow when given), flow by flow. */
  private void replayAll(Context ctx, Session session) {
    String instanceId = Optional.ofNullable(ctx.formParam("instance")).orElse("").strip();
    if (instanceId.isEmpty()) throw new Refused(422, "Choose the instance whose dead letters to replay.");
    Instance instance = services.instances().get(instanceId).filter(i -> session.caller().sees(i.customer()))
        .orElseThrow(() -> new Routes.NotFound("no instance " + instanceId));
    Optional<String> flow = Optional.ofNullable(ctx.formParam("flow")).map(String::strip).filter(s -> !s.isEmpty());
    Map<String, List<DeadLetter>> byFlow = new LinkedHashMap<>();
    for (DeadLetter l : services.store().deadLetters().pending(instance.id(), flow, Integer.MAX_VALUE))
      byFlow.computeIfAbsent(l.flow(), f -> new ArrayList<>()).add(l);
    int delivered = 0;
    int failed = 0;
    for (var e : byFlow.entrySet())
      for (DeadLetterReplay.Replayed r : replay(instance.id(), e.getKey(), e.getValue())) {
        if (r.delivered()) delivered++;
        else failed++;
      }
    String words = delivered + " delivered, " + failed + " failed again (they keep their new reason).";
    session.tell(new Session.Notice(failed == 0, byFlow.isEmpty() ? "No dead letters to replay." : "Replayed: " + words));
    ctx.redirect("/console/dead-letters?instance=" + enc(instance.id()) + flow.map(f -> "&flow=" + enc(f)).orElse(""), HttpStatus.SEE_OTHER);
  }

  private List<DeadLetterReplay.Replayed> replay(String instance, String flow, List<DeadLetter> letters) {
    FlowRuns.Plan plan = services.runs().plan(instance, flow);
    try {
      return services.runs().replay(plan, letters);
    } catch (RunStartException e) {
      throw new Refused(409, "The replay could not start: " + e.getMessage());
    }
  }

  private DeadLetter visible(Session session, String idText) {
    Optional<Long> id = number(idText);
    return id.flatMap(services.store().deadLetters()::get)
        .filter(l -> services.instances().get(l.instance()).map(i -> session.caller().sees(i.customer())).orElse(session.admin()))
        .orElseThrow(() -> new Routes.NotFound("no dead letter " + idText));
  }

  private static Optional<Long> number(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
