#!/usr/bin/env python3
"""Writes Tests/Fixtures/JSONSchemaValidation/python-jsonschema-errors.json: the errors Python jsonschema
(Draft202012Validator.iter_errors, the library the Python Octobatch uses) reports for a table of
schema/instance pairs, as [{path: "$.a[0]", keyword, message, context}], in its order; `context` holds the
branch errors of anyOf/oneOf the same way. Run from the package root."""
import json
import jsonschema

CASES = [
    ({"type": "integer"}, "a"),
    ({"type": ["integer", "null"]}, 1.5),
    ({"type": "number"}, True),
    ({"type": "integer"}, 5.0),
    ({"required": ["x", "y"]}, {"y": 1}),
    ({"enum": [1, "a", None]}, 2),
    ({"enum": [1]}, 1.0),
    ({"const": {"a": [1, 2]}}, {"a": [1, 3]}),
    ({"minimum": 3}, 1),
    ({"maximum": 3.5}, 5),
    ({"exclusiveMinimum": 2}, 2),
    ({"exclusiveMaximum": 2.5}, 3),
    ({"multipleOf": 0.01}, 0.075),
    ({"multipleOf": 0.0001}, 0.0075),
    ({"minLength": 2}, "a"),
    ({"minLength": 1}, ""),
    ({"maxLength": 1}, "ab"),
    ({"pattern": "^[a-z]+$"}, "abc1"),
    ({"minItems": 2}, [1]),
    ({"maxItems": 0}, [1]),
    ({"maxItems": 1}, [1, 2]),
    ({"uniqueItems": True}, [1, 2, 1.0]),
    ({"minProperties": 2}, {"a": 1}),
    ({"maxProperties": 1}, {"a": 1, "b": 2}),
    ({"properties": {"b": {"type": "string"}, "a": {"type": "string"}}}, {"a": 1, "b": 2}),
    ({"additionalProperties": False, "properties": {"a": {}}}, {"c": 1, "a": 1, "b": 2}),
    ({"additionalProperties": False, "patternProperties": {"^x": {}}}, {"y": 1}),
    ({"additionalProperties": {"type": "string"}}, {"a": 1}),
    ({"patternProperties": {"^n_": {"type": "integer"}}}, {"n_a": "x"}),
    ({"propertyNames": {"maxLength": 2}}, {"abc": 1}),
    ({"dependentRequired": {"a": ["b", "c"]}}, {"a": 1}),
    ({"dependentSchemas": {"a": {"required": ["b"]}}}, {"a": 1}),
    ({"prefixItems": [{"type": "integer"}], "items": False}, [1, 2, 3]),
    ({"items": {"type": "integer"}}, [1, "a", 2.5]),
    ({"prefixItems": [{"type": "string"}, {"type": "integer"}]}, [1, "x"]),
    ({"contains": {"type": "string"}}, [1, 2]),
    ({"contains": {"type": "string"}, "minContains": 2}, ["a", 1]),
    ({"contains": {"type": "string"}, "maxContains": 1}, ["a", "b"]),
    ({"allOf": [{"type": "string"}, {"minLength": 3}]}, "ab"),
    ({"anyOf": [{"type": "string"}, {"type": "null"}]}, 1),
    ({"properties": {"v": {"anyOf": [{"type": "integer", "minimum": 5}, {"type": "string", "maxLength": 1}]}}}, {"v": 2}),
    ({"oneOf": [{"required": ["a"]}, {"required": ["b"], "properties": {"c": {"type": "string"}}}]}, {"c": 1}),
    ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, 1),
    ({"oneOf": [{"type": "string"}, {"type": "null"}]}, 1),
    ({"not": {"type": "integer"}}, 1),
    ({"if": {"type": "integer"}, "then": {"minimum": 5}, "else": {"type": "string"}}, 1),
    ({"if": {"type": "integer"}, "then": {"minimum": 5}, "else": {"type": "string"}}, 1.5),
    ({"unevaluatedProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2}),
    ({"unevaluatedItems": False, "prefixItems": [{}]}, [1, 2]),
    ({"unevaluatedProperties": {"type": "string"}}, {"b": 1, "a": 2, "c": "x"}),
    ({"unevaluatedProperties": False}, {"b": 1, "a": 2}),
    ({"unevaluatedItems": {"type": "string"}}, [1, "a", 2]),
    ({"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": False}, {"a": 1, "z": 2}),
    ({"$defs": {"pos": {"type": "integer", "minimum": 0}}, "properties": {"n": {"$ref": "#/$defs/pos"}}}, {"n": -1}),
    ({"properties": {"a": {"items": {"properties": {"b": {"type": "string"}}}}}}, {"a": [{"b": "ok"}, {"b": 2}]}),
    (False, {"a": 1}),
    ({"properties": {"x": False}}, {"x": 1}),
    ({"type": "object", "required": ["scenario_name", "final_position", "steps_taken", "path", "outcome"],
      "properties": {"scenario_name": {"type": "string"},
                     "final_position": {"type": "integer", "minimum": 0, "maximum": 10},
                     "steps_taken": {"type": "integer", "minimum": 0},
                     "path": {"type": "array", "items": {"type": "integer"}},
                     "outcome": {"type": "string", "enum": ["fell_in_water", "reached_ship"]}}},
     {"outcome": "swam", "path": [1, "2"], "final_position": 12.5}),
]


def render(path):
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def describe(e):
    return {"path": render(e.absolute_path), "keyword": e.validator if e.validator is not None else "false",
            "message": e.message, "context": [describe(c) for c in e.context]}


rows = []
for schema, instance in CASES:
    errors = [describe(e) for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)]
    rows.append({"schema": schema, "instance": instance, "errors": errors})
with open("Tests/Fixtures/JSONSchemaValidation/python-jsonschema-errors.json", "w") as out:
    json.dump(rows, out, indent=1)
    out.write("\n")
