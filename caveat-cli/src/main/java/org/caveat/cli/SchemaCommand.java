package org.caveat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.caveat.json.Json;
import org.caveat.json.Schemas;
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
    header = "Prints the JSON Schema of a pack version file or of a request.",
    description = {
        "",
        "The schemas use the same vocabularies the readers check; the readers remain the",
        "authority (e.g. for vocabulary literals inside CEL conditions). Published as",
        "docs/schema/pack.schema.json and docs/schema/request.schema.json.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat schema pack > pack.schema.json",
        "  caveat schema request",
        "",
        "Exit codes: 0 printed; 64 wrong usage."})
final class SchemaCommand implements Callable<Integer> {
  enum Kind { pack, request }

  @Parameters(index = "0", paramLabel = "pack|request", description = "Which schema: ${COMPLETION-CANDIDATES}.")
  private Kind kind;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text(kind));
    out.flush();
    return CaveatCli.OK;
  }

  /** The schema as printed: pretty JSON, LF line ends, one final newline. */
  static String text(Kind kind) throws JsonProcessingException {
    var schema = kind == Kind.pack ? Schemas.pack() : Schemas.request();
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema).replace("\r\n", "\n") + "\n";
  }
}
