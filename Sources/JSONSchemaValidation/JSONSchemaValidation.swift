/// Namespace of the `JSONSchemaValidation` module; see README.md in this folder.
public enum JSONSchemaValidationModule {}
