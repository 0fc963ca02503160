package org.caveat.flink;

/**
 * One published policy version as it travels on the broadcast stream: its name
 * ({@code grant/version.yaml}, as a pack file is named) and its YAML text. A Flink POJO.
 */
public class PolicyFile {
  public String name;
  public String text;

  public PolicyFile() {}

  public PolicyFile(String name, String text) {
    this.name = name;
    this.text = text;
  }

  @Override
  public String toString() {
    return name;
  }
}
