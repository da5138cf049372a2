/// Namespace of the `Templates` module; see README.md in this folder.
public enum TemplatesModule {}
