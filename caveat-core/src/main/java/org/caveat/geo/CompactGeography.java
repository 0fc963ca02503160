package org.caveat.geo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The shipped geography in a form that loads several times faster than its GeoJSON: names and
 * codes, then each geometry as WKB (JTS's reader and writer; coordinates are kept as the exact
 * doubles the GeoJSON gave, so every answer is the same whichever form was loaded). The form
 * starts with the key of the GeoJSON it was made from, so bytes made from other files are refused,
 * and ends with the SHA-256 of everything before it, so damaged bytes (a changed coordinate would
 * still parse, and a changed length could ask for gigabytes) are refused before they are parsed.
 * The sea model's land comes last and is parsed only when first needed (points off the shipped
 * regions).
 */
final class CompactGeography {
  private static final String MAGIC = "caveat-geography/3";
  private static final int DIGEST_BYTES = 32;

  /** A region (with its country) or a country (country null). */
  record Area(String code, String country, String name, Geometry geometry) {}

  record Border(String a, String b, Geometry line) {}

  /** {@code land} is read when first asked for: only points off the shipped regions need it. */
  record Parts(List<Area> regions, List<Border> borders, List<Area> countries, Supplier<SeaModel.Land> land) {}

  private CompactGeography() {}

  /** {@link #keyOf} of the named classpath resources under {@code base}. */
  static String sourceKey(String base, String... files) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (String file : files) {
      try (InputStream in = CompactGeography.class.getResourceAsStream(base + file)) {
        if (in == null) throw new IllegalStateException("missing resource " + base + file);
        contents.put(file, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + base + file, e);
      }
    }
    return keyOf(contents);
  }

  /** The SHA-256 (hex) of the files in order, each with its name and length: any change to any file changes it. */
  static String keyOf(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach((name, bytes) -> {
        sha.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
      });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  static byte[] write(String key, Parts parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      WKBWriter wkb = new WKBWriter(2);
      out.writeUTF(MAGIC);
      out.writeUTF(key);
      writeAreas(out, wkb, parts.regions());
      out.writeInt(parts.borders().size());
      for (Border b : parts.borders()) {
        out.writeUTF(b.a());
        out.writeUTF(b.b());
        writeGeometry(out, wkb, b.line());
      }
      writeAreas(out, wkb, parts.countries());
      SeaModel.Land land = parts.land().get();
      writeGeometry(out, wkb, land.world());
      writeGeometry(out, wkb, land.foreignNear());
      out.flush();
      out.write(sha256(bytes.toByteArray(), bytes.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The geography, or null when {@code bytes} are absent, of another key, or not a compact geography. */
  static ReferenceGeography read(String key, byte[] bytes) {
    if (bytes == null || bytes.length < DIGEST_BYTES) return null;
    int body = bytes.length - DIGEST_BYTES;
    if (!MessageDigest.isEqual(sha256(bytes, body), Arrays.copyOfRange(bytes, body, bytes.length))) return null;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
      if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(key)) return null;
      WKBReader wkb = new WKBReader(GeoJson.FACTORY);
      List<Area> regions = readAreas(in, wkb);
      int n = in.readInt();
      List<Border> borders = new ArrayList<>(n);
      for (int i = 0; i < n; i++) borders.add(new Border(in.readUTF(), in.readUTF(), readGeometry(in, wkb)));
      List<Area> countries = readAreas(in, wkb);
      byte[] world = readBytes(in), near = readBytes(in);
      if (in.read() != -1) return null;
      return new ReferenceGeography(new Parts(regions, borders, countries, () -> land(world, near)));
    } catch (IOException | ParseException | RuntimeException damaged) {
      // A cut or damaged file is not an error: the GeoJSON is read instead and the form rewritten.
      return null;
    }
  }

  private static void writeAreas(DataOutputStream out, WKBWriter wkb, List<Area> areas) throws IOException {
    out.writeInt(areas.size());
    for (Area a : areas) {
      out.writeUTF(a.code());
      out.writeBoolean(a.country() != null);
      if (a.country() != null) out.writeUTF(a.country());
      out.writeUTF(a.name());
      writeGeometry(out, wkb, a.geometry());
    }
  }

  private static List<Area> readAreas(DataInputStream in, WKBReader wkb) throws IOException, ParseException {
    int n = in.readInt();
    List<Area> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String code = in.readUTF();
      String country = in.readBoolean() ? in.readUTF() : null;
      out.add(new Area(code, country, in.readUTF(), readGeometry(in, wkb)));
    }
    return out;
  }

  private static void writeGeometry(DataOutputStream out, WKBWriter wkb, Geometry g) throws IOException {
    byte[] b = wkb.write(g);
    out.writeInt(b.length);
    out.write(b);
  }

  private static Geometry readGeometry(DataInputStream in, WKBReader wkb) throws IOException, ParseException {
    return wkb.read(readBytes(in));
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }

  /** The land from its WKB, checked with the rest by the digest when the form was read. */
  private static SeaModel.Land land(byte[] world, byte[] near) {
    try {
      WKBReader wkb = new WKBReader(GeoJson.FACTORY);
      return new SeaModel.Land(wkb.read(world), wkb.read(near));
    } catch (ParseException e) {
      throw new IllegalStateException("the geography cache's land does not parse", e);
    }
  }

  /** The SHA-256 of the first {@code length} bytes. */
  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes, 0, length);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
