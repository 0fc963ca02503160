package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.geo.ReferenceGeography;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;

/**
 * The bad-pack catalogue under {@code src/test/resources/bad/<case>/us-ua/}: each case is a copy
 * of {@code bad/_baseline} with one thing broken. A {@link Case} row says which diagnostic it
 * must produce, where, and with which hint.
 */
final class BadPacks {
  /** Loaded once: compiling a case needs the geography, not a fresh copy of it. */
  static final ReferenceGeography GEO = ReferenceGeography.shipped();

  private BadPacks() {}

  /**
   * One expected diagnostic: the first one reported for the case.
   *
   * @param file   version file inside {@code us-ua/}
   * @param line   1-based, 0 when the problem has no position (the whole file)
   * @param hint   fragment of the hint, or null when no hint is expected
   * @param count  total number of diagnostics expected for the case
   */
  record Case(String name, String code, int line, int column, String hint, String message, String file, int count) {
    static Case of(String name, String code, int line, int column, String hint, String message) {
      return new Case(name, code, line, column, hint, message, "2024-05-30.yaml", 1);
    }

    Case count(int n) {
      return new Case(name, code, line, column, hint, message, file, n);
    }

    Case in(String versionFile) {
      return new Case(name, code, line, column, hint, message, versionFile, count);
    }

    @Override
    public String toString() {
      return name + " → " + code;
    }
  }

  static Path dir(String name) {
    URL url = BadPacks.class.getResource("/bad/" + name);
    assertThat(url).as("test resource bad/%s", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Diagnostics of {@link PackLoader#load}, which must fail. */
  static List<Diagnostic> loadErrors(String name) {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PackLoader.load(dir(name)));
    assertThat(e).as("PackLoader.load(bad/%s) must throw PolicyException", name).isNotNull();
    return e.diagnostics();
  }

  /** Diagnostics of compiling a case that loads cleanly; the build must fail with PolicyException. */
  static List<Diagnostic> buildErrors(String name) {
    assertThat(PackLoader.load(dir(name))).as("bad/%s is structurally fine", name).isNotEmpty();
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> engine(name));
    assertThat(e).as("building bad/%s must throw PolicyException", name).isNotNull();
    return e.diagnostics();
  }

  static Caveat engine(String name) {
    return Caveat.builder().packs(dir(name)).geography(GEO).build();
  }

  /** The first diagnostic matches the row exactly; the total count too. */
  static void check(Case c, List<Diagnostic> diagnostics) {
    assertThat(diagnostics).as("diagnostics of %s: %s", c.name(), diagnostics).hasSize(c.count());
    Diagnostic d = diagnostics.get(0);
    assertThat(d.code()).as("code of %s", d.render()).isEqualTo(c.code());
    assertThat(d.at().file()).as("file of %s", d.render()).endsWith("us-ua/" + c.file());
    assertThat(d.at().line()).as("line of %s", d.render()).isEqualTo(c.line());
    assertThat(d.at().column()).as("column of %s", d.render()).isEqualTo(c.column());
    assertThat(d.message()).as("message of %s", d.render()).contains(c.message());
    if (c.hint() == null) {
      assertThat(d.hint()).as("hint of %s", d.render()).isNull();
    } else {
      assertThat(d.hint()).as("hint of %s", d.render()).isNotNull().contains(c.hint());
    }
    for (Diagnostic each : diagnostics) {
      assertThat(each.render()).as("every diagnostic renders as file:line:col: error[code]")
          .contains("error[" + each.code() + "]: " + each.message());
    }
  }
}
