package org.caveat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.caveat.json.Json;
import org.caveat.json.Schemas;
import org.caveat.policy.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caveat schema pack|request}: prints the JSON Schema of a pack version file or of a
 * request (also published as {@code docs/schema/*.schema.json}), for editors to complete and check.
 */
@Command(name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Prints the JSON Schema of a pack version file, a pack test file or a request.",
    description = {
        "",
        "The schemas use the same vocabularies the readers check; the readers remain the",
        "authority (e.g. for vocabulary literals inside CEL conditions). Published as",
        "docs/schema/pack.schema.json, pack-test.schema.json and request.schema.json.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat schema pack > pack.schema.json",
        "  caveat schema pack-test",
        "  caveat schema request",
        "",
        "Exit codes: 0 printed; 64 wrong usage."})
final class SchemaCommand implements Callable<Integer> {
  static final List<String> KINDS = List.of("pack", "pack-test", "request");

  @Parameters(index = "0", paramLabel = "pack|pack-test|request", description = "Which schema: pack, pack-test "
      + "or request.")
  private String kind;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    if (!KINDS.contains(kind)) {
      String hint = Suggest.didYouMean(kind, KINDS);
      throw new CommandLine.ParameterException(spec.commandLine(), "`" + kind + "`: expected one of "
          + String.join(", ", KINDS) + (hint != null && hint.startsWith("did you mean") ? " (" + hint + ")" : ""));
    }
    out.print(text(kind));
    out.flush();
    return CaveatCli.OK;
  }

  /** The schema as printed: pretty JSON, LF line ends, one final newline. */
  static String text(String kind) throws JsonProcessingException {
    var schema = switch (kind) {
      case "pack" -> Schemas.pack();
      case "pack-test" -> Schemas.packTest();
      default -> Schemas.request();
    };
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema).replace("\r\n", "\n") + "\n";
  }
}
