package org.caveat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.cli.ServeCommandAccess;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/** The files under {@code deploy/}, read as the tools that use them would, and the serve command's model. */
final class DeployFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern K8S_VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private DeployFiles() {}

  static Path dir() {
    String d = System.getProperty("caveat.deploy.dir");
    if (d == null) throw new IllegalStateException("run through Maven (caveat.deploy.dir is set by caveat-deploy's pom)");
    return Path.of(d).toAbsolutePath().normalize();
  }

  /** The image name and tag Jib's profile gives the server image: {@code caveat:VERSION}. */
  static String serverImage() {
    return "caveat:" + System.getProperty("caveat.version");
  }

  /**
   * Every document of a YAML file as JSON trees. SnakeYAML's safe constructor, as Compose and
   * kubectl do, resolves anchors, aliases and merge keys ({@code <<: *x}); a duplicate key fails.
   */
  static List<JsonNode> yaml(String relative) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<JsonNode> docs = new ArrayList<>();
    for (Object doc : yaml.loadAll(text(relative))) {
      if (doc != null) docs.add(JSON.valueToTree(doc));
    }
    return docs;
  }

  static String text(String relative) {
    try {
      return Files.readString(dir().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Kubernetes' {@code $(NAME)} references in a container argument, in order. */
  static List<String> kubernetesVariables(String arg) {
    List<String> names = new ArrayList<>();
    Matcher m = K8S_VAR.matcher(arg);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  /**
   * Parses {@code caveat serve}'s arguments (the first, {@code serve}, dropped) with the command's
   * own picocli model: an option it does not define, or a value of the wrong type, fails here.
   */
  static CommandLine.ParseResult parseServe(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("serve")) {
      throw new AssertionError("expected `serve …`, got " + args);
    }
    return ServeCommandAccess.commandLine().parseArgs(args.subList(1, args.size()).toArray(String[]::new));
  }
}
