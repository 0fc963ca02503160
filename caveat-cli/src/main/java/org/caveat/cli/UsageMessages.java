package org.caveat.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.policy.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's usage errors in Caveat's words: what was wrong, with the option or argument named as
 * typed and a did-you-mean where one fits, instead of messages such as "Unmatched arguments from
 * index 0" or "Value for option option". Errors a command raises itself pass through unchanged.
 */
final class UsageMessages {
  private static final Pattern INVALID = Pattern.compile(
      "Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ \\(([^)]+)\\)): (.*)");
  private static final Pattern ENUM = Pattern.compile("expected one of \\[(.*)] \\(case-insensitive\\) but was '(.*)'");
  private static final Pattern TYPE = Pattern.compile("'(.*)' is not an? (int|long|double|float|decimal|Path|URI)(?: .*)?");

  private UsageMessages() {}

  static String explain(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) return unmatched(u);
    if (e instanceof CommandLine.MissingParameterException m) return missing(m);
    if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
      return "`" + name(o.getOverwritten()) + "` is given more than once: give it once";
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("should be in KEY=VALUE format") && e.getArgSpec() instanceof OptionSpec o) {
      String got = message.substring(message.lastIndexOf("but was ") + 8);
      return "`" + o.longestName() + "` takes " + o.paramLabel() + ", got `" + got + "`"
          + (o.longestName().equals("--assume") ? " (e.g. --assume kharkiv_band_depth_km=40)" : "");
    }
    Matcher invalid = INVALID.matcher(message);
    if (invalid.matches()) {
      return invalid(invalid.group(1) != null ? invalid.group(1) : invalid.group(2), invalid.group(3));
    }
    return message;
  }

  private static String invalid(String what, String detail) {
    Matcher en = ENUM.matcher(detail);
    if (en.matches()) {
      List<String> known = List.of(en.group(1).split(",\\s*"));
      String hint = Suggest.didYouMean(en.group(2), known);
      if (hint != null && !hint.startsWith("did you mean")) hint = null;
      return "`" + typed(what, en.group(2)) + "`: expected one of " + String.join(", ", known)
          + (hint == null ? "" : " (" + hint + ")");
    }
    Matcher type = TYPE.matcher(detail);
    if (type.matches()) {
      String kind = switch (type.group(2)) {
        case "int", "long" -> "a whole number";
        case "double", "float", "decimal" -> "a number";
        default -> "a " + type.group(2);
      };
      return "`" + typed(what, type.group(1)) + "`: expected " + kind;
    }
    return "invalid value for `" + what + "`: " + detail;
  }

  /** An option with its value as typed ({@code --format xml}); a positional argument alone. */
  private static String typed(String what, String value) {
    return what.startsWith("-") ? what + " " + value : value;
  }

  private static String unmatched(CommandLine.UnmatchedArgumentException u) {
    List<String> args = u.getUnmatched();
    String first = args.isEmpty() ? "" : args.get(0);
    List<String> suggestions = u.getSuggestions();
    String hint = suggestions.isEmpty() ? "" : " (did you mean `" + suggestions.get(0) + "`?)";
    CommandLine cl = u.getCommandLine();
    if (first.startsWith("-")) {
      return "unknown option `" + first + "`" + hint;
    }
    if (!cl.getSubcommands().isEmpty() && cl.getParseResult() != null && !cl.getParseResult().hasSubcommand()) {
      String known = String.join(", ", cl.getSubcommands().keySet());
      String closest = Suggest.didYouMean(first, cl.getSubcommands().keySet());
      return "unknown command `" + first + "`" + (closest == null ? hint : " (" + closest + ")") + "; commands: " + known;
    }
    return "unexpected argument" + (args.size() == 1 ? " `" + first + "`" : "s `" + String.join(" ", args) + "`")
        + ": `" + cl.getCommandSpec().qualifiedName() + "` takes " + positionals(cl);
  }

  private static String positionals(CommandLine cl) {
    List<String> labels = cl.getCommandSpec().positionalParameters().stream().map(p -> p.paramLabel()).toList();
    return labels.isEmpty() ? "no arguments" : String.join(" ", labels) + " only";
  }

  private static String missing(CommandLine.MissingParameterException m) {
    List<ArgSpec> specs = m.getMissing();
    if (specs != null && specs.size() == 1 && specs.get(0) instanceof OptionSpec o) {
      return "`" + o.longestName() + "` needs a value (" + o.paramLabel() + ")";
    }
    // picocli lists every missing positional in its message but may return only the first.
    List<String> quoted = new java.util.ArrayList<>();
    Matcher q = Pattern.compile("'([^']+)'").matcher(String.valueOf(m.getMessage()));
    while (q.find()) quoted.add(q.group(1));
    if (!quoted.isEmpty() && String.valueOf(m.getMessage()).startsWith("Missing required parameter")) {
      return "missing " + String.join(" and ", quoted);
    }
    if (specs != null && !specs.isEmpty()) {
      return "missing " + String.join(" and ", specs.stream().map(UsageMessages::name).toList());
    }
    return String.valueOf(m.getMessage());
  }

  private static String name(ArgSpec a) {
    return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
  }
}
