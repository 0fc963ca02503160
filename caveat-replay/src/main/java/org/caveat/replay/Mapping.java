package org.caveat.replay;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.model.Request;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;

/**
 * A compiled mapping from ACLED rows to requests: every field's CEL expression (over the string
 * variables {@code row.<column>}) and the weapon table's conditions, type-checked once, then
 * evaluated per row. Immutable and thread-safe.
 *
 * <p>For speed the checked expressions are also combined into one CEL program returning a list
 * (every field, then the index of the first weapon entry whose condition holds, found by a chain
 * of conditionals so later conditions are not evaluated): one evaluation per row instead of one per
 * field. When that evaluation fails, the fields are evaluated one by one to name the failing one.
 */
public final class Mapping {
  private static final String UNKNOWN = "unknown";

  private final Cel cel;
  private final String file;
  private final List<String> fields;
  private final List<CelRuntime.Program> fieldPrograms;
  private final List<MappingSpec.Expr> fieldExprs;
  private final List<MappingSpec.WeaponEntry> weapons;
  private final CelRuntime.Program combined;
  /** The keyword tests the combined program reads as variables, by variable number. */
  private final KeywordTests.Test[][] keywords;
  /** Position in {@link MappingSpec#FIELDS} of each compiled field. */
  private final int[] fieldIndex;
  /** Each weapon entry's values by position in {@link MappingSpec#FIELDS} (null: not set). */
  private final Object[][] weaponValues;
  /** Every variable name the combined program may ask for: a column index, or -1 - keyword variable number. */
  private final Map<String, Integer> variableIndex;

  private Mapping(Cel cel, MappingSpec spec, List<String> fields, List<CelRuntime.Program> programs,
      CelRuntime.Program combined, List<KeywordTests.Test[]> keywords) {
    this.keywords = keywords.toArray(KeywordTests.Test[][]::new);
    Map<String, Integer> names = new HashMap<>(RowVariables.INDEX);
    for (int k = 0; k < this.keywords.length; k++) names.put(KeywordTests.PREFIX + k, -1 - k);
    this.variableIndex = names; // a HashMap, never modified after construction: faster to probe than Map.copyOf's
    this.fieldIndex = fields.stream().mapToInt(MappingSpec.FIELDS::indexOf).toArray();
    this.weaponValues = spec.weapons().stream().map(w -> {
      Object[] a = new Object[MappingSpec.FIELDS.size()];
      w.values().forEach((k, x) -> a[MappingSpec.FIELDS.indexOf("weapon." + k)] = x);
      return a;
    }).toArray(Object[][]::new);
    this.cel = cel;
    this.file = spec.file();
    this.fields = fields;
    this.fieldPrograms = programs;
    this.fieldExprs = fields.stream().map(f -> spec.fields().get(f)).toList();
    this.weapons = spec.weapons();
    this.combined = combined;
  }

  /** The default mapping shipped as {@code org/caveat/replay/default-mapping.yaml}. */
  public static Mapping defaults() {
    return compile(MappingLoader.builtIn());
  }

  /** @throws PolicyException with every problem of the file, each with line and column */
  public static Mapping load(Path file) {
    return compile(MappingLoader.load(file));
  }

  static Mapping compile(MappingSpec spec) {
    Cel cel = environment(0);
    KeywordTests keywords = new KeywordTests();
    List<Diagnostic> problems = new ArrayList<>(spec.problems());
    List<String> fields = new ArrayList<>();
    List<CelRuntime.Program> programs = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (String f : MappingSpec.FIELDS) {
      MappingSpec.Expr e = spec.fields().get(f);
      if (e == null) continue;
      CelAbstractSyntaxTree ast = MappingChecks.check(cel, e, problems);
      if (ast == null) continue;
      if (!MappingChecks.typeFits(f, ast, e, problems)) continue;
      fields.add(f);
      programs.add(program(cel, ast));
      parts.add("dyn(" + keywords.rewrite(e.text()) + ")");
    }
    StringBuilder chain = new StringBuilder();
    for (int i = 0; i < spec.weapons().size(); i++) {
      MappingSpec.WeaponEntry w = spec.weapons().get(i);
      CelAbstractSyntaxTree ast = MappingChecks.check(cel, w.when(), problems);
      if (ast != null) MappingChecks.isCondition(ast, w.when(), problems);
      MappingChecks.weaponValues(w, problems);
      chain.append("(").append(keywords.rewrite(w.when().text())).append(") ? ").append(i).append(" : ");
    }
    chain.append("-1");
    if (!problems.isEmpty()) throw new PolicyException(problems);
    parts.add(chain.toString());
    Cel run = environment(keywords.variables().size());
    CelValidationResult all = run.compile("[" + String.join(",\n", parts) + "]");
    if (all.hasError()) throw new IllegalStateException("checked expressions failed to combine: " + all.getErrorString());
    try {
      return new Mapping(cel, spec, fields, programs, program(run, all.getAst()), keywords.variables());
    } catch (dev.cel.common.CelValidationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @param keywordVariables how many {@link KeywordTests} variables to declare */
  private static Cel environment(int keywordVariables) {
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    var b = CelFactory.plannerCelBuilder().setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.bindings())
        .addRuntimeLibraries(CelExtensions.strings());
    for (String c : AcledColumns.NAMES) b.addVar("row." + c, SimpleType.STRING);
    for (int i = 0; i < keywordVariables; i++) b.addVar(KeywordTests.PREFIX + i, SimpleType.BOOL);
    return b.build();
  }

  private static CelRuntime.Program program(Cel cel, CelAbstractSyntaxTree ast) {
    try {
      return cel.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cel-java refused a checked expression: " + e.getMessage(), e);
    }
  }

  /** The file the mapping came from (for messages). */
  public String file() {
    return file;
  }

  /** What a row maps to: a request, or the attributes that prevented one (unattributed event). */
  public record Mapped(Request request, List<String> unknown) {}

  /**
   * Evaluates the mapping over a row in canonical column order.
   *
   * @param asOf the time for a row whose {@code time} expression gives "" (null: such a row is bad)
   *
   * @throws BadRow when an expression fails or yields a value a request cannot hold
   */
  public Mapped apply(String[] row, java.time.Instant asOf) {
    RowVariables vars = new RowVariables(row, keywords, variableIndex);
    List<?> values;
    try {
      values = (List<?>) combined.eval(vars);
    } catch (CelEvaluationException e) {
      throw fieldFailure(vars, e);
    }
    // Values by position in MappingSpec.FIELDS; a matching weapon entry overrides the weapon fields.
    Object[] v = new Object[MappingSpec.FIELDS.size()];
    for (int i = 0; i < fieldIndex.length; i++) v[fieldIndex[i]] = values.get(i);
    long weapon = (Long) values.get(values.size() - 1);
    if (weapon >= 0) {
      Object[] w = weaponValues[(int) weapon];
      for (int i = 0; i < w.length; i++) if (w[i] != null) v[i] = w[i];
    }
    return RequestAssembly.build(v, asOf);
  }

  private BadRow fieldFailure(RowVariables vars, CelEvaluationException whole) {
    for (int i = 0; i < fields.size(); i++) {
      try {
        fieldPrograms.get(i).eval(vars);
      } catch (CelEvaluationException e) {
        return new BadRow("mapping field " + fields.get(i) + " (" + fieldExprs.get(i).at() + ") failed: "
            + e.getMessage());
      }
    }
    return new BadRow("the mapping's weapon table failed: " + whole.getMessage());
  }

  /** Binds {@code row.<column>} to the row's values without building a map per row. */
  private static final class RowVariables implements dev.cel.runtime.CelVariableResolver {
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
      for (int i = 0; i < AcledColumns.NAMES.size(); i++) INDEX.put("row." + AcledColumns.NAMES.get(i), i);
    }

    private static final java.util.Optional<Object> TRUE = java.util.Optional.of(Boolean.TRUE);
    private static final java.util.Optional<Object> FALSE = java.util.Optional.of(Boolean.FALSE);

    private final String[] row;
    private final KeywordTests.Test[][] keywords;
    private final Map<String, Integer> names;

    RowVariables(String[] row, KeywordTests.Test[][] keywords, Map<String, Integer> names) {
      this.row = row;
      this.keywords = keywords;
      this.names = names;
    }

    /** One hash lookup per variable: columns by index, keyword tests computed on demand. */
    @Override
    public java.util.Optional<Object> find(String name) {
      Integer i = names.get(name);
      if (i == null) return java.util.Optional.empty();
      if (i < 0) return KeywordTests.holds(keywords[-1 - i], row) ? TRUE : FALSE;
      return java.util.Optional.of(row[i]);
    }
  }

  static final Set<String> UNKNOWN_WORDS = Set.of(UNKNOWN, "");
}
