package org.caveat.check;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.caveat.model.Attribute;
import org.caveat.model.Vocabulary;

/**
 * The CEL environment of one policy version: request attributes as qualified variables
 * ({@code weapon.class}), {@code zones.NAME}, {@code assume.NAME}, the vocabulary lists
 * {@code military_objectives} and {@code protected_objects}, and the geographic functions
 * {@code country(p)}, {@code region(p)}, {@code waters(p)}, {@code within(p, zone)} and {@code distance_km(p, zone)}.
 * Declarations only: the interpreter that runs what the compiler does not specialise binds the
 * functions by these overload ids ({@code org.caveat.program.CelFallback#runtime}, with
 * {@link #OPTIONS}).
 */
public final class CelEnvironment {
  public static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  static final OpaqueType POINT = OpaqueType.create("caveat.Point");
  static final OpaqueType ZONE = OpaqueType.create("caveat.Zone");
  public static final Map<String, List<String>> CONSTANT_LISTS = Map.of(
      "military_objectives", List.copyOf(Vocabulary.MILITARY_OBJECTIVES),
      "protected_objects", List.copyOf(Vocabulary.PROTECTED_OBJECTS));
  static final List<String> FUNCTIONS = List.of("country", "region", "waters", "within", "distance_km");

  final CelCompiler compiler;
  final TreeSet<String> names = new TreeSet<>();

  /** @param zones the names of the version's zones, declared as {@code zones.NAME} */
  public CelEnvironment(Collection<String> zones, Map<String, Object> assumptions) {
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    for (Attribute a : Attribute.values()) {
      b.addVar(a.celName(), type(a.type()));
      names.add(a.celName());
    }
    for (String z : zones) {
      b.addVar("zones." + z, ZONE);
      names.add("zones." + z);
    }
    assumptions.forEach((name, value) -> {
      b.addVar("assume." + name, value instanceof Double ? SimpleType.DOUBLE
          : value instanceof Boolean ? SimpleType.BOOL : SimpleType.STRING);
      names.add("assume." + name);
    });
    CONSTANT_LISTS.keySet().forEach(n -> {
      b.addVar(n, ListType.create(SimpleType.STRING));
      names.add(n);
    });
    b.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration("country",
            CelOverloadDecl.newGlobalOverload("country_point", SimpleType.STRING, POINT)),
        CelFunctionDecl.newFunctionDeclaration("region",
            CelOverloadDecl.newGlobalOverload("region_point", SimpleType.STRING, POINT)),
        CelFunctionDecl.newFunctionDeclaration("waters",
            CelOverloadDecl.newGlobalOverload("waters_point", SimpleType.STRING, POINT)),
        CelFunctionDecl.newFunctionDeclaration("within",
            CelOverloadDecl.newGlobalOverload("within_point_zone", SimpleType.BOOL, POINT, ZONE)),
        CelFunctionDecl.newFunctionDeclaration("distance_km",
            CelOverloadDecl.newGlobalOverload("distance_km_point_zone", SimpleType.DOUBLE, POINT, ZONE)));
    names.addAll(FUNCTIONS);
    this.compiler = b.build();
  }

  /**
   * Loads and initialises cel-java's parser and checker (a large share of cold start-up) by
   * compiling a trivial expression.
   */
  public static void warmUp() {
    new CelEnvironment(List.of(), Map.of()).compiler.compile(
        "weapon.origin == \"US\" && target.category in military_objectives");
  }

  private static CelType type(Attribute.Type t) {
    return switch (t) {
      case STRING -> SimpleType.STRING;
      case DOUBLE -> SimpleType.DOUBLE;
      case BOOL -> SimpleType.BOOL;
      case TIMESTAMP -> SimpleType.TIMESTAMP;
      case POINT -> POINT;
    };
  }
}
