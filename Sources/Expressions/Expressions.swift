/// Namespace of the `Expressions` module; see README.md in this folder.
public enum ExpressionsModule {}
