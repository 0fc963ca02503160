package org.caveat.compile;

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
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.caveat.geo.GeoPoint;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Attribute;
import org.caveat.model.Vocabulary;

/**
 * The CEL environment of one policy version: request attributes as qualified variables
 * ({@code weapon.class}), {@code zones.NAME}, {@code assume.NAME}, the vocabulary lists
 * {@code military_objectives} and {@code protected_objects}, and the geographic functions
 * {@code country(p)}, {@code region(p)}, {@code within(p, zone)} and {@code distance_km(p, zone)}.
 */
final class CelEnvironment {
  static final OpaqueType POINT = OpaqueType.create("caveat.Point");
  static final OpaqueType ZONE = OpaqueType.create("caveat.Zone");
  static final Map<String, List<String>> CONSTANT_LISTS = Map.of(
      "military_objectives", List.copyOf(Vocabulary.MILITARY_OBJECTIVES),
      "protected_objects", List.copyOf(Vocabulary.PROTECTED_OBJECTS));
  static final List<String> FUNCTIONS = List.of("country", "region", "within", "distance_km");

  final CelCompiler compiler;
  final CelRuntime runtime;
  final TreeSet<String> names = new TreeSet<>();

  /** @param geo used by interpreted conditions only (may be null when nothing is evaluated) */
  CelEnvironment(Map<String, ZoneRef> zones, Map<String, Object> assumptions, ReferenceGeography geo) {
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    for (Attribute a : Attribute.values()) {
      b.addVar(a.celName(), type(a.type()));
      names.add(a.celName());
    }
    for (String z : zones.keySet()) {
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
        CelFunctionDecl.newFunctionDeclaration("within",
            CelOverloadDecl.newGlobalOverload("within_point_zone", SimpleType.BOOL, POINT, ZONE)),
        CelFunctionDecl.newFunctionDeclaration("distance_km",
            CelOverloadDecl.newGlobalOverload("distance_km_point_zone", SimpleType.DOUBLE, POINT, ZONE)));
    names.addAll(FUNCTIONS);
    this.compiler = b.build();
    this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(options)
        .addFunctionBindings(
            CelFunctionBinding.from("country_point", GeoPoint.class, p -> orEmpty(geo.country(p.lat(), p.lon()))),
            CelFunctionBinding.from("region_point", GeoPoint.class, p -> orEmpty(geo.region(p.lat(), p.lon()))),
            CelFunctionBinding.from("within_point_zone", GeoPoint.class, ZoneRef.class,
                (p, z) -> z.zone().contains(p.lat(), p.lon())),
            CelFunctionBinding.from("distance_km_point_zone", GeoPoint.class, ZoneRef.class,
                (p, z) -> z.zone().distanceKm(p.lat(), p.lon())))
        .build();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
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
