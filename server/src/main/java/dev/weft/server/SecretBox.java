package dev.weft.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values with AES-256-GCM: a random 12-byte nonce per value, stored as
 * {@code v1:base64(nonce || ciphertext+tag)}. The master key never leaves this class.
 */
public final class SecretBox {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    if (key.length != 32) throw new IllegalArgumentException("the master key must be 32 bytes, got " + key.length);
    this.key = new SecretKeySpec(key, "AES");
  }

  public static SecretBox of(byte[] key) {
    return new SecretBox(key.clone());
  }

  /** From {@code WEFT_MASTER_KEY} (base64 of 32 bytes) when given, else the key file, created (mode 0600) when missing. */
  public static SecretBox load(Optional<String> base64Key, Path keyFile) {
    if (base64Key.isPresent()) return new SecretBox(decodeKey(base64Key.get(), "WEFT_MASTER_KEY"));
    try {
      if (!Files.exists(keyFile)) create(keyFile);
      return new SecretBox(decodeKey(Files.readString(keyFile).trim(), keyFile.toString()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the master key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path keyFile) throws IOException {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    if (keyFile.getParent() != null) Files.createDirectories(keyFile.getParent());
    try {
      Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(keyFile);
    } catch (FileAlreadyExistsException e) {
      return; // another process made it first
    }
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
  }

  private static byte[] decodeKey(String base64, String where) {
    try {
      byte[] key = Base64.getDecoder().decode(base64.trim());
      if (key.length != 32) throw new IllegalArgumentException(where + " must hold 32 bytes in base64, it holds " + key.length);
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not a base64 key of 32 bytes", e);
    }
  }

  public String encrypt(String plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Fails with {@link SecretException} on a value that was altered or sealed with another key. */
  public String decrypt(String sealed) {
    if (!sealed.startsWith(PREFIX)) throw new SecretException("not an encrypted value");
    byte[] all;
    try {
      all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new SecretException("not an encrypted value");
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) throw new SecretException("encrypted value too short");
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SecretException("a secret cannot be decrypted: it was altered, or the master key is not the one it was stored with");
    } catch (GeneralSecurityException e) {
      throw new SecretException("a secret cannot be decrypted: " + e.getClass().getSimpleName());
    }
  }

  /** A value that cannot be decrypted. Its message never holds the value. */
  public static final class SecretException extends RuntimeException {
    public SecretException(String message) {
      super(message);
    }
  }
}
