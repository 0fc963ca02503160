package org.caveat;

import dev.cel.common.CelOptions;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.*;
import org.caveat.geo.GeoPoint;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.caveat.geo.Zones;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.model.Vocabulary;
import org.caveat.pack.PackLoader;
import org.caveat.policy.*;

/**
 * A deliberately simple evaluator of DESIGN.md's semantics, for property tests against the
 * engine: cel-java's interpreter on every rule, exact geodesic distances (no threshold tests),
 * and "could change the outcome" decided by brute force over every completion of the missing
 * attributes instead of three-valued logic. Supports region and border zones only.
 */
final class ReferenceEvaluator {
  /** The reference's verdict for one grant: decision and determining rule ids. */
  record Verdict(String grant, String decision, List<String> determining) {}

  private static final OpaqueType POINT = OpaqueType.create("caveat.Point"), ZONE = OpaqueType.create("caveat.Zone");
  private final ReferenceGeography geo = ReferenceGeography.shipped();
  private final List<Grant> grants = PackLoader.builtIn();
  private final Map<String, CelRuntime.Program> programs = new HashMap<>();
  private final Map<String, Zone> zones = new HashMap<>();

  List<Verdict> decide(Request r) {
    List<Verdict> out = new ArrayList<>();
    for (Grant g : grants) {
      if (!g.grantee().equals(r.user()) || !g.grantor().equals(r.weaponOrigin())) continue;
      List<PolicyVersion> sorted = g.versions().stream().sorted(Comparator.comparing(PolicyVersion::inForce)).toList();
      PolicyVersion v = null;
      for (PolicyVersion c : sorted) if (!c.inForce().isAfter(r.time())) v = c;
      PolicyVersion scope = v == null ? sorted.get(0) : v;
      if (!eval(scope, scope.scope(), vars(r, Map.of()))) continue;
      out.add(v == null ? new Verdict(g.id(), "INDETERMINATE", List.of()) : decideVersion(g.id(), v, r));
    }
    return out;
  }

  private Verdict decideVersion(String grant, PolicyVersion v, Request r) {
    TreeSet<String> outcomes = new TreeSet<>();
    Map<String, Set<Boolean>> values = new LinkedHashMap<>();
    boolean forbiddenEverywhere = true;
    for (Map<String, Object> completion : completions(r)) {
      Map<String, Object> vars = vars(r, completion);
      boolean forbid = false, permit = false;
      for (Rule rule : v.rules()) {
        boolean t = eval(v, rule.when(), vars);
        values.computeIfAbsent(rule.id(), k -> new TreeSet<>()).add(t);
        if (t && rule.effect() == Rule.Effect.FORBID) forbid = true;
        if (t && rule.effect() == Rule.Effect.PERMIT) permit = true;
      }
      outcomes.add(forbid ? "DENY" : permit ? "PERMIT" : "DENY");
      forbiddenEverywhere &= forbid;
    }
    if (outcomes.size() == 1) {
      // Determining: the rules of the winning effect that match in every completion; failing
      // those, the ones that match in some completion, when the outcome holds by cases (for a
      // denial, only when every completion is forbidden; otherwise none, as for not permitted).
      String d = outcomes.first();
      Rule.Effect winning = d.equals("PERMIT") ? Rule.Effect.PERMIT : Rule.Effect.FORBID;
      List<String> sure = v.rules().stream()
          .filter(x -> x.effect() == winning && values.get(x.id()).equals(Set.of(true))).map(Rule::id).toList();
      if (sure.isEmpty() && (d.equals("PERMIT") || forbiddenEverywhere)) {
        sure = v.rules().stream().filter(x -> x.effect() == winning && values.get(x.id()).contains(true))
            .map(Rule::id).toList();
      }
      return new Verdict(grant, d, sure);
    }
    boolean surePermit = v.rules().stream()
        .anyMatch(x -> x.effect() == Rule.Effect.PERMIT && values.get(x.id()).equals(Set.of(true)));
    return new Verdict(grant, "INDETERMINATE", v.rules().stream()
        .filter(x -> values.get(x.id()).size() == 2 && (!surePermit || x.effect() == Rule.Effect.FORBID))
        .map(Rule::id).toList());
  }

  /** Every assignment of values to the request's missing attributes (one empty map if none). */
  static List<Map<String, Object>> completions(Request r) {
    List<Map<String, Object>> out = new ArrayList<>(List.of(Map.of()));
    for (Attribute a : Attribute.values()) {
      if (r.value(a) != null || a == Attribute.WEAPON_SYSTEM || a == Attribute.WEAPON_MUNITION) continue;
      List<Object> domain = switch (a.type()) {
        case BOOL -> List.of(true, false);
        case DOUBLE -> List.of(10.0, 84.0, 150.0, 300.0, 1000.0);
        default -> a.vocabulary().stream().filter(x -> !x.equals(Vocabulary.UNKNOWN)).map(x -> (Object) x).toList();
      };
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> m : out) {
        for (Object value : domain) {
          Map<String, Object> c = new HashMap<>(m);
          c.put(a.celName(), value);
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }

  private Map<String, Object> vars(Request r, Map<String, Object> completion) {
    Map<String, Object> vars = new HashMap<>();
    for (Attribute a : Attribute.values()) {
      Object v = r.value(a);
      if (v instanceof java.time.Instant t) v = com.google.protobuf.Timestamp.newBuilder().setSeconds(t.getEpochSecond()).build();
      if (v != null) vars.put(a.celName(), v);
    }
    vars.putAll(completion);
    vars.put("military_objectives", List.copyOf(Vocabulary.MILITARY_OBJECTIVES));
    vars.put("protected_objects", List.copyOf(Vocabulary.PROTECTED_OBJECTS));
    return vars;
  }

  private boolean eval(PolicyVersion v, String expr, Map<String, Object> vars) {
    Map<String, Object> all = new HashMap<>(vars);
    for (ZoneSpec z : v.zones()) all.put("zones." + z.name(), zone(v, z));
    for (Assumption a : v.assumptions()) all.put("assume." + a.name(), a.value());
    try {
      return Boolean.TRUE.equals(program(v, expr).eval(all));
    } catch (Exception e) {
      throw new IllegalStateException(expr, e);
    }
  }

  private Zone zone(PolicyVersion v, ZoneSpec z) {
    return zones.computeIfAbsent(v.contentHash() + z.name(), k -> switch (z.kind()) {
      case REGION -> Zones.of(z.name(), geo.area(z.args().get(0)).geometry());
      case BORDER -> Zones.of(z.name(), geo.border(z.name(), Set.of(z.args().get(0).split("\\+")),
          Set.of(z.args().get(1).split("\\+"))).geometry());
      default -> null;
    });
  }

  private CelRuntime.Program program(PolicyVersion v, String expr) throws Exception {
    String key = v.contentHash() + expr;
    CelRuntime.Program p = programs.get(key);
    if (p != null) return p;
    CelOptions o = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder().setOptions(o);
    for (Attribute a : Attribute.values()) {
      b.addVar(a.celName(), switch (a.type()) {
        case STRING -> SimpleType.STRING; case DOUBLE -> SimpleType.DOUBLE; case BOOL -> SimpleType.BOOL;
        case TIMESTAMP -> SimpleType.TIMESTAMP; case POINT -> POINT; });
    }
    v.zones().forEach(z -> b.addVar("zones." + z.name(), ZONE));
    v.assumptions().forEach(a -> b.addVar("assume." + a.name(), SimpleType.DOUBLE));
    b.addVar("military_objectives", ListType.create(SimpleType.STRING)).addVar("protected_objects", ListType.create(SimpleType.STRING));
    b.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration("country", CelOverloadDecl.newGlobalOverload("c", SimpleType.STRING, POINT)),
        CelFunctionDecl.newFunctionDeclaration("distance_km", CelOverloadDecl.newGlobalOverload("d", SimpleType.DOUBLE, POINT, ZONE)));
    CelCompiler compiler = b.build();
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(o).addFunctionBindings(
        CelFunctionBinding.from("c", GeoPoint.class, x -> Objects.toString(geo.country(x.lat(), x.lon()), "")),
        CelFunctionBinding.from("d", GeoPoint.class, Zone.class, (x, z) -> z.distanceKm(x.lat(), x.lon()))).build();
    p = runtime.createProgram(compiler.compile(expr).getAst());
    programs.put(key, p);
    return p;
  }
}
