package org.caveat.program;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.caveat.geo.GeoPoint;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Attribute;

/**
 * A condition the compiler does not specialise (comprehensions, string functions, timestamps…),
 * run on cel-java's interpreter. Kleene logic is approximated conservatively: if any attribute
 * the expression reads is missing, the result is unknown and names those attributes.
 */
public final class CelFallback extends Cond {
  private final CelAbstractSyntaxTree ast;
  private final Supplier<CelRuntime> runtime;
  private volatile CelRuntime.Program program;
  private final List<Attribute> reads;
  private final Map<String, Object> constants;

  /**
   * cel-java's interpreter with the geographic functions bound. The overload ids are those the
   * checker declares ({@code org.caveat.check.CelEnvironment}); {@code options} must be the
   * checker's too.
   *
   * @param geo used by interpreted conditions only (may be null when nothing is evaluated)
   */
  public static CelRuntime runtime(CelOptions options, ReferenceGeography geo) {
    return CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(options)
        .addFunctionBindings(
            CelFunctionBinding.from("country_point", GeoPoint.class, p -> orEmpty(geo.locate(p.lat(), p.lon()).country())),
            CelFunctionBinding.from("region_point", GeoPoint.class, p -> orEmpty(geo.locate(p.lat(), p.lon()).region())),
            CelFunctionBinding.from("waters_point", GeoPoint.class, p -> geo.locate(p.lat(), p.lon()).waters().label()),
            CelFunctionBinding.from("within_point_zone", GeoPoint.class, ZoneRef.class,
                (p, z) -> z.zone().contains(p.lat(), p.lon())),
            CelFunctionBinding.from("distance_km_point_zone", GeoPoint.class, ZoneRef.class,
                (p, z) -> z.zone().distanceKm(p.lat(), p.lon())))
        .build();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** @param ast a checked expression; {@code runtime} from {@link #runtime} */
  public CelFallback(CelRuntime runtime, CelAbstractSyntaxTree ast, List<Attribute> reads,
      Map<String, Object> constants) {
    this.ast = ast;
    this.runtime = () -> runtime;
    this.program = program(runtime, ast);
    this.reads = reads;
    this.constants = constants;
  }

  /**
   * A condition whose interpreter is made when it is first evaluated (a condition read from the
   * compiled-pack cache): a run that never evaluates it never starts cel-java's runtime.
   *
   * @param runtime made at most once per engine by the caller (it may be slow the first time)
   */
  public CelFallback(Supplier<CelRuntime> runtime, CelAbstractSyntaxTree ast, List<Attribute> reads,
      Map<String, Object> constants) {
    this.ast = ast;
    this.runtime = runtime;
    this.reads = reads;
    this.constants = constants;
  }

  private static CelRuntime.Program program(CelRuntime runtime, CelAbstractSyntaxTree ast) {
    try {
      return runtime.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cel-java refused a checked expression: " + e.getMessage(), e);
    }
  }

  /** The checked expression interpreted, for the compiled-pack cache. */
  CelAbstractSyntaxTree ast() {
    return ast;
  }

  /** The attributes the expression reads, in the compiler's order. */
  List<Attribute> reads() {
    return reads;
  }

  @Override
  long eval(EvalContext c) {
    long missing = 0;
    Map<String, Object> vars = new HashMap<>(constants);
    for (Attribute a : reads) {
      Object v = c.value(a);
      if (v == null) {
        missing |= a.bit();
      } else {
        vars.put(a.celName(), v instanceof Instant t
            ? com.google.protobuf.Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build()
            : v);
      }
    }
    if (missing != 0) {
      return Tri.unknown(missing);
    }
    CelRuntime.Program p = program;
    if (p == null) {
      // Racing threads may both build it; the programs are equal and one is kept.
      program = p = program(runtime.get(), ast);
    }
    try {
      return Tri.of(Boolean.TRUE.equals(p.eval(vars)));
    } catch (CelEvaluationException e) {
      // An evaluation error (e.g. division by zero) decides nothing: report unknown.
      return Tri.unknown(0);
    }
  }

  @Override
  int cost() {
    return 50;
  }
}
