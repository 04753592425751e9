package dev.weft.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A record's fields in insertion order, held in arrays: what a {@link java.util.LinkedHashMap}
 * does for a record, in a fraction of its memory and time, since records have few fields and are
 * made by the million. Lookups scan the fields (comparing cached hashes first) while there are
 * few, and go through a hash index beyond {@value #SCAN_LIMIT}. Records read from one source can
 * {@linkplain #withKeys share} their field names until one of them adds or removes a field.
 * Not thread-safe, like LinkedHashMap; null keys and values are allowed.
 */
public final class FieldMap extends AbstractMap<String, Object> {
  private static final int SCAN_LIMIT = 12;
  private static final String[] NO_KEYS = {};
  private static final Object[] NO_VALUES = {};

  private String[] keys;
  private int[] hashes;
  private Object[] values;
  private int size;
  private boolean keysShared;
  /** Positions by hash (open addressing, position + 1, 0 for free); null while scanning suffices. */
  private int[] index;
  private int modifications;

  public FieldMap() {
    this(8);
  }

  public FieldMap(int expectedFields) {
    keys = expectedFields == 0 ? NO_KEYS : new String[expectedFields];
    hashes = new int[expectedFields];
    values = expectedFields == 0 ? NO_VALUES : new Object[expectedFields];
  }

  private FieldMap(Names names, Object[] values) {
    this.keys = names.keys;
    this.hashes = names.hashes;
    this.values = values;
    this.size = names.keys.length;
    this.keysShared = true;
    this.index = names.index;
  }

  /** Field names, distinct, made once for many records: see {@link #withKeys}. */
  public static final class Names {
    private final String[] keys;
    private final int[] hashes;
    private final int[] index;

    private Names(String[] keys) {
      this.keys = keys;
      this.hashes = new int[keys.length];
      for (int i = 0; i < keys.length; i++) hashes[i] = hash(keys[i]);
      this.index = keys.length > SCAN_LIMIT ? buildIndex(hashes, keys.length, keys.length) : null;
    }
  }

  /** Names for {@link #withKeys}; they must be distinct. */
  public static Names names(java.util.List<String> keys) {
    String[] array = keys.toArray(String[]::new);
    if (new java.util.HashSet<>(keys).size() != array.length) throw new IllegalArgumentException("field names repeat: " + keys);
    return new Names(array);
  }

  /** A record of these fields with these values, in order; takes {@code values} as it is (no copy). */
  public static FieldMap withKeys(Names names, Object[] values) {
    if (values.length != names.keys.length) throw new IllegalArgumentException(values.length + " values for " + names.keys.length + " fields");
    return new FieldMap(names, values);
  }

  private static int hash(Object key) {
    return key == null ? 0 : key.hashCode();
  }

  private int find(Object key) {
    int h = hash(key);
    if (index == null) {
      for (int i = 0; i < size; i++) if (hashes[i] == h && Objects.equals(keys[i], key)) return i;
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      int at = index[slot] - 1;
      if (at < 0) return -1;
      if (hashes[at] == h && Objects.equals(keys[at], key)) return at;
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static int[] buildIndex(int[] hashes, int size, int capacity) {
    int[] index = new int[Integer.highestOneBit(Math.max(capacity, 4) * 2 - 1) * 2];
    int mask = index.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = spread(hashes[i]) & mask;
      while (index[slot] != 0) slot = (slot + 1) & mask;
      index[slot] = i + 1;
    }
    return index;
  }

  /** Before changing which fields there are: the names become this record's own. */
  private void ownKeys() {
    if (!keysShared) return;
    keys = keys.clone();
    hashes = hashes.clone();
    if (index != null) index = index.clone();
    keysShared = false;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int at = find(key);
    return at < 0 ? null : values[at];
  }

  @Override
  public Object getOrDefault(Object key, Object defaultValue) {
    int at = find(key);
    return at < 0 ? defaultValue : values[at];
  }

  @Override
  public Object put(String key, Object value) {
    int at = find(key);
    if (at >= 0) {
      Object old = values[at];
      values[at] = value;
      return old;
    }
    ownKeys();
    if (size == keys.length) {
      int capacity = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
      values = Arrays.copyOf(values, capacity);
      if (index != null) index = buildIndex(hashes, size, capacity);
    }
    keys[size] = key;
    hashes[size] = hash(key);
    values[size] = value;
    size++;
    modifications++;
    if (index != null) insertIntoIndex(size - 1);
    else if (size > SCAN_LIMIT) index = buildIndex(hashes, size, keys.length);
    return null;
  }

  private void insertIntoIndex(int at) {
    int mask = index.length - 1;
    int slot = spread(hashes[at]) & mask;
    while (index[slot] != 0) slot = (slot + 1) & mask;
    index[slot] = at + 1;
  }

  @Override
  public Object remove(Object key) {
    int at = find(key);
    if (at < 0) return null;
    Object old = values[at];
    removeAt(at);
    return old;
  }

  private void removeAt(int at) {
    ownKeys();
    int after = size - at - 1;
    System.arraycopy(keys, at + 1, keys, at, after);
    System.arraycopy(hashes, at + 1, hashes, at, after);
    System.arraycopy(values, at + 1, values, at, after);
    size--;
    keys[size] = null;
    values[size] = null;
    modifications++;
    if (index != null) index = size > SCAN_LIMIT ? buildIndex(hashes, size, keys.length) : null;
  }

  @Override
  public void clear() {
    ownKeys();
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    index = null;
    modifications++;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    int expected = modifications;
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
      if (modifications != expected) throw new ConcurrentModificationException();
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public void clear() {
        FieldMap.this.clear();
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;
          private int expected = modifications;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (modifications != expected) throw new ConcurrentModificationException();
            if (next >= size) throw new NoSuchElementException();
            last = next++;
            return new Field(last);
          }

          @Override
          public void remove() {
            if (last < 0) throw new IllegalStateException();
            if (modifications != expected) throw new ConcurrentModificationException();
            removeAt(last);
            next = last;
            last = -1;
            expected = modifications;
          }
        };
      }
    };
  }

  /** An entry that reads and writes through to its position, as LinkedHashMap's entries do. */
  private final class Field implements Entry<String, Object> {
    private final int at;
    private final String key;

    Field(int at) {
      this.at = at;
      this.key = keys[at];
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    public Object getValue() {
      return values[at];
    }

    @Override
    public Object setValue(Object value) {
      Object old = values[at];
      values[at] = value;
      return old;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry<?, ?> e && Objects.equals(key, e.getKey()) && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
