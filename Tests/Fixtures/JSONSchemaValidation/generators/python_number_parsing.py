#!/usr/bin/env python3
"""Writes Tests/Fixtures/JSONSchemaValidation/python-number-parsing.json: what Python's int() and float()
make of strings an LLM may put where a number belongs (float results only when finite, as the coercion
refuses nan/inf). Run from the package root."""
import json, math

inputs = ["10", " 10 ", "+5", "-7", "007", "1_000", "1__000", "_1", "1_", "5.0", "5.", ".5", "-.5", "1e3",
          "1E-2", " 3.14 ", "1_000.5", "nan", "NaN", "inf", "-Infinity", "1e999", "", " ", "abc", "0x10",
          "1,000", "١٢", "\u00a012\u2003", "12abc", "+-1", "--1", "1e", "e5", ".", "+.5e+2", "9223372036854775807",
          "4.5", "0", "-0", "1 2", "true"]
rows = []
for s in inputs:
    try:
        i = int(s)
        i = i if -2**63 <= i < 2**63 else None
    except ValueError:
        i = None
    try:
        f = float(s)
        f = f if math.isfinite(f) else None
    except ValueError:
        f = None
    rows.append({"input": s, "int": i, "float": f})
with open("Tests/Fixtures/JSONSchemaValidation/python-number-parsing.json", "w") as out:
    json.dump(rows, out, indent=1)
    out.write("\n")
