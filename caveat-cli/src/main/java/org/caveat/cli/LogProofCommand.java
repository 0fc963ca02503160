package org.caveat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caveat.json.Json;
import org.caveat.store.head.SignedTreeHead;
import org.caveat.store.merkle.ProofVerifier;
import org.caveat.store.merkle.Rfc6962;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caveat log proof}: checks an inclusion or consistency proof from the API against signed
 * heads, with nothing but the files and the public key, as an auditor outside the service would.
 */
@Command(name = "proof",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Checks an inclusion or consistency proof offline, against signed heads.",
    description = {
        "",
        "PROOF is the body of GET /v1/log/proof/{index}?tree_size=N (inclusion: the entry",
        "is in the log of N entries) or of GET /v1/log/consistency?from=M&to=N",
        "(consistency: the log of N entries extends the log of M entries unchanged).",
        "--head is the signed head of N entries; for consistency, --old-head is the",
        "signed head of M entries saved earlier. Both signatures are checked with --key.",
        "No store is opened.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat log proof inclusion-5.json --head head.json --key log-signing.pub",
        "  caveat log proof consistency-8-13.json --old-head head-8.json --head head-13.json \\",
        "                   --key log-signing.pub",
        "",
        "Exit codes: 0 the proof holds; 1 it does not (what broke is named), or a file",
        "cannot be read; 64 wrong usage."})
final class LogProofCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PROOF", description = "The proof's JSON, as the API returned it.")
  private Path proof;

  @Option(names = "--head", paramLabel = "FILE", required = true,
      description = "The signed head the proof leads to (the body of GET /v1/log/head).")
  private Path head;

  @Option(names = "--old-head", paramLabel = "FILE",
      description = "For a consistency proof: the signed head of the older, smaller log.")
  private Path oldHead;

  @Option(names = "--key", paramLabel = "FILE", required = true,
      description = "The log's public key (PEM, or the body of GET /v1/log/key).")
  private Path key;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode p = read(proof);
    SignedTreeHead to = LogCommand.checkedHead(head, key);
    boolean consistency = p.has("from") || p.has("to");
    String problem = consistency ? consistency(p, to) : inclusion(p, to);
    if (problem != null) {
      spec.commandLine().getErr().println("proof BAD: " + problem);
      return CaveatCli.FAILED;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (consistency) {
      SignedTreeHead from = LogCommand.checkedHead(oldHead, key);
      out.println("proof ok: the log of " + to.size() + " entries signed at " + to.time() + " holds, unchanged, the "
          + from.size() + " entries of the head signed at " + from.time());
    } else {
      out.println("proof ok: entry " + p.path("index").asLong() + " is in the log of " + to.size()
          + " entries signed at " + to.time());
    }
    return CaveatCli.OK;
  }

  private String inclusion(JsonNode p, SignedTreeHead to) {
    long index = number(p, "index");
    long size = number(p, "tree_size");
    if (size != to.size()) {
      return "the proof is for a log of " + size + " entries; the head has " + to.size()
          + " (fetch the proof with ?tree_size=" + to.size() + ")";
    }
    return ProofVerifier.inclusionProblem(index, size, hash(p, "leaf_hash"), hashes(p), unhex(to.rootHex(), "root"));
  }

  private String consistency(JsonNode p, SignedTreeHead to) {
    if (oldHead == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "a consistency proof needs --old-head FILE"
          + " (the signed head of the smaller log)");
    }
    SignedTreeHead from = LogCommand.checkedHead(oldHead, key);
    long m = number(p, "from");
    long n = number(p, "to");
    if (m != from.size() || n != to.size()) {
      return "the proof is from " + m + " to " + n + " entries; the heads have " + from.size() + " and " + to.size()
          + " (fetch it with ?from=" + from.size() + "&to=" + to.size() + ")";
    }
    return ProofVerifier.consistencyProblem(m, n, unhex(from.rootHex(), "root"), unhex(to.rootHex(), "root"),
        hashes(p));
  }

  private JsonNode read(Path file) {
    try {
      JsonNode n = Json.MAPPER.readTree(Files.readString(file));
      if (n == null || !n.isObject()) throw new CliException(file + " is not a JSON object (a proof from the API)", null);
      return n;
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private long number(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0) {
      throw new CliException(proof + ": `" + field + "` is missing or not a whole number ≥ 0", null);
    }
    return v.asLong();
  }

  private byte[] hash(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (v == null || !v.isTextual()) throw new CliException(proof + ": `" + field + "` is missing or not a string", null);
    return unhex(v.asText(), field);
  }

  private List<byte[]> hashes(JsonNode p) {
    JsonNode path = p.get("path");
    if (path == null || !path.isArray()) throw new CliException(proof + ": `path` is missing or not an array", null);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) out.add(unhex(path.get(i).asText(), "path/" + i));
    return out;
  }

  private byte[] unhex(String hex, String field) {
    try {
      return Rfc6962.unhex(hex);
    } catch (IllegalArgumentException e) {
      throw new CliException(proof + ": `" + field + "` is not hex", e);
    }
  }
}
