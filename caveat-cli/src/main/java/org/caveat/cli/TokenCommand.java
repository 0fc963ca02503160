package org.caveat.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.caveat.store.IssuedToken;
import org.caveat.store.Store;
import org.caveat.store.StoreConflict;
import org.caveat.store.TokenInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caveat token create|list|revoke}: bearer tokens of the decision service. */
@Command(name = "token",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Creates, lists and revokes the bearer tokens of a Caveat service.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class},
    description = {
        "",
        "Roles: reader (read grants, versions, change requests, the log), analyst (ask",
        "for decisions, submit change requests; reads too), approver:<GRANTOR> (approve,",
        "reject and publish change requests of that grantor's grants, e.g. approver:US),",
        "admin (everything). Only a token's SHA-256 is stored: the secret is shown once.",
        "Every token names the person holding it (--person; default: the name). Four-eyes",
        "compares persons, normalised (Unicode NFKC, case-folded, spaces collapsed): Alice and",
        "alice are one person, and so are two tokens created with --person \"Ann Lee\".", ""},
    footer = {
        "",
        "Examples:",
        "  caveat token create --name alice --role analyst",
        "  caveat token create --name bob --role approver:US --data /srv/caveat",
        "  caveat token create --name ann-laptop --person \"Ann Lee\" --role analyst",
        "  caveat token list",
        "  caveat token revoke --name alice"})
final class TokenCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (create, list or revoke)");
  }

  /** {@code caveat token create}: prints the new secret alone on stdout, so scripts can capture it. */
  @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      header = "Creates a token and prints its secret (once).",
      footer = {"", "Examples:", "  caveat token create --name alice --role analyst",
          "  caveat token create --name ann-phone --person \"Ann Lee\" --role approver:US",
          "  TOKEN=$(caveat token create --name ci --role analyst --role reader)", "",
          "Exit codes: 0 created; 1 a token of that name exists or the store fails;",
          "64 wrong usage (e.g. an unknown role, a blank person)."})
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what holds the token.")
    private String name;

    @Option(names = "--person", paramLabel = "PERSON", description = {"Who holds the token, for four-eyes: two tokens",
        "of one person are one person. Default: the name. Normalised (NFKC, case-folded,", "spaces collapsed)."})
    private String person;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "reader, analyst, approver:<GRANTOR> or admin. Repeatable.")
    private List<String> roles;

    @Mixin
    private ServeCommand.StoreOptions store;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Store s = store.openExisting()) {
        IssuedToken t;
        try {
          t = s.tokens().create(name, person, new LinkedHashSet<>(roles));
        } catch (StoreConflict e) {
          throw new CliException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getErr().println("token `" + t.name() + "` of person `" + t.person() + "` created with roles "
            + String.join(", ",
            new java.util.TreeSet<>(t.roles())) + "; the secret below is shown once");
        spec.commandLine().getOut().println(t.secret());
        return CaveatCli.OK;
      }
    }
  }

  /** {@code caveat token list}: names, persons, roles and dates; never secrets. */
  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      header = "Lists tokens: name, person, roles, dates (never their secrets).",
      footer = {"", "Examples:", "  caveat token list", "  caveat token list --data /srv/caveat"})
  static final class ListTokens implements Callable<Integer> {
    @Mixin
    private ServeCommand.StoreOptions store;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store s = store.openExisting()) {
        List<TokenInfo> all = s.tokens().list();
        if (all.isEmpty()) out.println("no tokens");
        for (TokenInfo t : all) {
          out.printf("%-20s  %-20s  %-30s  created %s%s%n", t.name(), t.person(),
              String.join(",", new java.util.TreeSet<>(t.roles())), t.createdAt(),
              t.active() ? "" : "  revoked " + t.revokedAt());
        }
        return CaveatCli.OK;
      }
    }
  }

  /** {@code caveat token revoke}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      header = "Revokes the active token of that name.",
      footer = {"", "Examples:", "  caveat token revoke --name alice", "",
          "Exit codes: 0 revoked; 1 no active token of that name; 64 wrong usage."})
  static final class Revoke implements Callable<Integer> {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token to revoke.")
    private String name;

    @Mixin
    private ServeCommand.StoreOptions store;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Store s = store.openExisting()) {
        if (!s.tokens().revoke(name)) throw new CliException("no active token named `" + name + "`", null);
        spec.commandLine().getOut().println("token `" + name + "` revoked");
        return CaveatCli.OK;
      }
    }
  }
}
