package dev.weft.server;

import dev.weft.model.ConfigOption;
import dev.weft.model.Spec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates and changes instances from API bodies: checks every field (id, integration, version,
 * plan, environment, config against the spec's options) and seals secret config values.
 */
public final class InstanceEditor {
  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
  /** What the API shows in place of a stored secret value. */
  public static final String HIDDEN = "********";

  private final Catalog catalog;
  private final Instances instances;
  private final SecretBox box;

  public InstanceEditor(Catalog catalog, Instances instances, SecretBox box) {
    this.catalog = catalog;
    this.instances = instances;
    this.box = box;
  }

  /** A new instance; a customer's token makes it that customer's. */
  public Instance create(Caller caller, Map<String, Object> body) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String id = text(body, "id").orElse("");
    if (!SLUG.matcher(id).matches()) add(errors, "id", "must be lowercase letters, digits and dashes (at most 63), starting with a letter or digit");
    else if (instances.get(id).isPresent()) add(errors, "id", "an instance " + id + " already exists");
    String customer = switch (caller) {
      case Caller.Customer c -> c.customer();
      case Caller.Admin a -> text(body, "customer").orElse("");
    };
    if (customer.isBlank()) add(errors, "customer", "is required");
    Optional<String> integration = text(body, "integration");
    if (integration.isEmpty()) add(errors, "integration", "is required");
    Instance draft = new Instance(id, customer, integration.orElse(""), text(body, "version").orElse(Instance.LATEST),
        text(body, "plan"), Environment.TEST, bool(body, "enabled", errors).orElse(true), Map.of());
    return checked(draft, body, Map.of(), errors);
  }

  /** Changes the fields given; config values given replace the stored ones, others stay (secrets need not be sent again). */
  public Instance update(Instance current, Map<String, Object> body) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (body.containsKey("id") && !current.id().equals(body.get("id"))) add(errors, "id", "cannot be changed");
    if (body.containsKey("customer") && !current.customer().equals(body.get("customer"))) add(errors, "customer", "cannot be changed");
    if (body.containsKey("integration") && !current.integrationId().equals(body.get("integration")))
      add(errors, "integration", "cannot be changed");
    Instance draft = new Instance(current.id(), current.customer(), current.integrationId(),
        text(body, "version").orElse(current.version()), body.containsKey("plan") ? text(body, "plan") : current.plan(),
        current.environment(), bool(body, "enabled", errors).orElse(current.enabled()), Map.of());
    Map<String, Object> withEnvironment = new LinkedHashMap<>(body);
    withEnvironment.putIfAbsent("environment", current.environment().key());
    return checked(draft, withEnvironment, current.sealedConfig(), errors);
  }

  private Instance checked(Instance draft, Map<String, Object> body, Map<String, Object> stored, Map<String, List<String>> errors) {
    Environment environment = Environment.PRODUCTION;
    Optional<String> env = text(body, "environment");
    if (env.isPresent()) {
      Optional<Environment> parsed = Environment.of(env.get());
      if (parsed.isEmpty()) add(errors, "environment", "must be production or test");
      else environment = parsed.get();
    }
    Optional<Spec> spec = Optional.empty();
    if (!draft.integrationId().isEmpty()) {
      if (catalog.versions(draft.integrationId()).isEmpty()) add(errors, "integration", "no integration " + draft.integrationId());
      else if (!draft.version().equals(Instance.LATEST) && catalog.find(draft.integrationId(), draft.version()).isEmpty())
        add(errors, "version", "integration " + draft.integrationId() + " has no version " + draft.version() + " (or use latest)");
      else spec = catalog.resolve(draft.integrationId(), draft.version(), Environment.TEST).map(SpecVersion::spec);
    }
    Map<String, Object> sealed = new LinkedHashMap<>();
    if (spec.isPresent()) {
      Spec s = spec.get();
      if (!s.plans().isEmpty()) {
        if (draft.plan().isEmpty()) add(errors, "plan", "is required; plans of " + s.id() + ": " + String.join(", ", s.plans().keySet()));
        else if (!s.plans().containsKey(draft.plan().get()))
          add(errors, "plan", "no plan " + draft.plan().get() + " in " + s.id() + " (its plans: " + String.join(", ", s.plans().keySet()) + ")");
      }
      Map<String, Object> given = configOf(body, errors);
      Map<String, Object> merged = new LinkedHashMap<>(stored);
      merged.keySet().removeIf(given::containsKey);
      ConfigCheck.Checked checked = ConfigCheck.check(s, given, merged.keySet());
      checked.errors().forEach((field, messages) -> messages.forEach(m -> add(errors, "config." + field, m)));
      for (ConfigOption option : s.config()) {
        if (checked.values().containsKey(option.key()) && given.containsKey(option.key())) {
          Object value = checked.values().get(option.key());
          sealed.put(option.key(), option.type() == ConfigOption.Type.SECRET ? box.encrypt(String.valueOf(value)) : value);
        } else if (merged.containsKey(option.key())) {
          sealed.put(option.key(), merged.get(option.key()));
        } else if (checked.values().containsKey(option.key())) {
          sealed.put(option.key(), checked.values().get(option.key()));
        }
      }
    }
    if (!errors.isEmpty()) throw new Invalid(errors);
    return new Instance(draft.id(), draft.customer(), draft.integrationId(), draft.version(), draft.plan(), environment, draft.enabled(), sealed);
  }

  /** The instance as the API shows it: secret values hidden. */
  public static Map<String, Object> view(Instance i, Optional<Spec> spec, String baseUrl) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", i.id());
    out.put("customer", i.customer());
    out.put("integration", i.integrationId());
    out.put("version", i.version());
    out.put("plan", i.plan().orElse(null));
    out.put("environment", i.environment().key());
    out.put("enabled", i.enabled());
    Map<String, Object> config = new LinkedHashMap<>();
    i.sealedConfig().forEach((key, value) -> {
      boolean secret = spec.flatMap(s -> s.configOption(key)).map(o -> o.type() == ConfigOption.Type.SECRET).orElse(true);
      config.put(key, secret || String.valueOf(value).startsWith("v1:") ? HIDDEN : value);
    });
    out.put("config", config);
    spec.ifPresent(s -> out.put("webhooks", s.flows().stream()
        .flatMap(f -> f.trigger(dev.weft.model.Trigger.Webhook.class).stream())
        .map(w -> baseUrl + "/hooks/" + i.id() + "/" + w.path()).toList()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configOf(Map<String, Object> body, Map<String, List<String>> errors) {
    Object config = body.get("config");
    if (config == null) return Map.of();
    if (config instanceof Map<?, ?> m) return (Map<String, Object>) m;
    add(errors, "config", "must be an object");
    return Map.of();
  }

  private static Optional<String> text(Map<String, Object> body, String key) {
    Object v = body.get(key);
    return v == null ? Optional.empty() : Optional.of(String.valueOf(v)).filter(s -> !s.isBlank());
  }

  private static Optional<Boolean> bool(Map<String, Object> body, String key, Map<String, List<String>> errors) {
    Object v = body.get(key);
    if (v == null) return Optional.empty();
    if (v instanceof Boolean b) return Optional.of(b);
    add(errors, key, "must be true or false");
    return Optional.empty();
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(message);
  }

  static Set<String> secretKeys(Spec spec) {
    return Set.copyOf(spec.config().stream().filter(o -> o.type() == ConfigOption.Type.SECRET).map(ConfigOption::key).toList());
  }
}
