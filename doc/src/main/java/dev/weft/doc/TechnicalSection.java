package dev.weft.doc;

import dev.weft.doc.Block.Bullets;
import dev.weft.doc.Block.Field;
import dev.weft.doc.Block.Fields;
import dev.weft.doc.Block.Heading;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import java.util.ArrayList;
import java.util.List;

/** "Technical requirements": one block per connection ("Your App" first), then one per flow. */
final class TechnicalSection {
  private TechnicalSection() {}

  static void of(Spec spec, List<Block> out) {
    out.add(new Heading(2, Outline.SECTIONS.get(5)));
    List<SystemDef> systems = new ArrayList<>();
    spec.systems().values().stream().filter(SystemDef::ours).forEach(systems::add);
    spec.systems().values().stream().filter(s -> !s.ours()).forEach(systems::add);
    for (SystemDef s : systems) connection(spec, s, out);
    for (Flow f : spec.flows()) flow(spec, f, out);
  }

  private static void connection(Spec spec, SystemDef s, List<Block> out) {
    out.add(new Heading(3, s.displayName() + " connection" + (s.ours() ? " (Your App)" : "")));
    List<Field> fields = new ArrayList<>();
    fields.add(Field.of("API/Datastore/Filesystem", ConnectionWords.point(s)));
    fields.add(Field.of("Authentication Method", ConnectionWords.authMethod(s.auth())));
    fields.add(Field.of("Authentication Scope", ConnectionWords.authScope(s.auth())));
    fields.add(Field.of("Transport Language", ConnectionWords.transportLanguage(s)));
    fields.add(Field.of("Transfer Protocol", ConnectionWords.transferProtocol(spec, s)));
    s.rateLimit().ifPresent(r -> fields.add(Field.of("Rate Limit", ConnectionWords.rateLimit(r))));
    out.add(new Fields(fields));
  }

  private static void flow(Spec spec, Flow f, List<Block> out) {
    out.add(new Heading(3, f.displayName()));
    List<Field> fields = new ArrayList<>();
    fields.add(Field.of("Data Volume", FlowWords.volume(f)));
    fields.add(new Field("Error Handling", List.of(new Bullets(FlowWords.errorHandling(f.errors())))));
    fields.add(Field.of("Delivery Guarantee", FlowWords.deliveryGuarantee(f)));
    if (f.body() instanceof Sync s) fields.add(Field.of("Two-way Sync", FlowWords.syncRules(spec, s)));
    out.add(new Fields(fields));
  }
}
