/// Namespace of the `YAML` module; see README.md in this folder.
public enum YAMLModule {}
