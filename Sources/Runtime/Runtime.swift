/// Namespace of the `Runtime` module; see README.md in this folder.
public enum RuntimeModule {}
