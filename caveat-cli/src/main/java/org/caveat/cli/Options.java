package org.caveat.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.caveat.policy.Reliability;
import org.caveat.policy.Suggest;
import picocli.CommandLine;

/** Converters for options shared by several commands: {@code --as-of} and {@code --reliability}. */
final class Options {
  private Options() {}

  /**
   * {@code --as-of}: an ISO 8601 instant with an offset ({@code 2024-06-01T03:00:00Z}) or a date
   * ({@code 2024-06-01}, read as its start, 00:00 UTC). A bad value is a usage error (exit 64).
   */
  static final class AsOf implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      String v = value.strip();
      try {
        if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("`" + value
            + "` is not an ISO 8601 date (2024-06-01) or time with an offset (2024-06-01T03:00:00Z)");
      }
    }
  }

  /**
   * One name of {@code --reliability official,reported} (the option splits on commas and may be
   * repeated); an unknown name gets a did-you-mean.
   */
  static final class ReliabilityName implements CommandLine.ITypeConverter<Reliability> {
    @Override
    public Reliability convert(String value) {
      String p = value.strip();
      for (Reliability r : Reliability.values()) if (r.label().equalsIgnoreCase(p)) return r;
      var known = Arrays.stream(Reliability.values()).map(Reliability::label).toList();
      throw new CommandLine.TypeConversionException("unknown reliability `" + p + "` ("
          + Suggest.didYouMean(p, known) + "; known: official, reported, disputed)");
    }
  }
}
