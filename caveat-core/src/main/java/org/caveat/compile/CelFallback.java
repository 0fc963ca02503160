package org.caveat.compile;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caveat.model.Attribute;

/**
 * A condition the compiler does not specialise (comprehensions, string functions, timestamps…),
 * run on cel-java's interpreter. Kleene logic is approximated conservatively: if any attribute
 * the expression reads is missing, the result is unknown and names those attributes.
 */
final class CelFallback extends Cond {
  private final CelRuntime.Program program;
  private final List<Attribute> reads;
  private final Map<String, Object> constants;

  CelFallback(CelEnvironment env, CelAbstractSyntaxTree ast, List<Attribute> reads, Map<String, Object> constants) {
    try {
      this.program = env.runtime.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cel-java refused a checked expression: " + e.getMessage(), e);
    }
    this.reads = reads;
    this.constants = constants;
  }

  @Override
  long eval(EvalContext c) {
    long missing = 0;
    Map<String, Object> vars = new HashMap<>(constants);
    for (Attribute a : reads) {
      Object v = c.request().value(a);
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
    try {
      return Tri.of(Boolean.TRUE.equals(program.eval(vars)));
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
