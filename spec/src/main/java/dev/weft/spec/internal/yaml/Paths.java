package dev.weft.spec.internal.yaml;

/** Spec paths as the user reads them: {@code flows[0].map[3].unit}, {@code systems.crm.url}. */
public final class Paths {
  private Paths() {}

  public static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  public static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }
}
