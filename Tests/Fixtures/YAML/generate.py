#!/usr/bin/env python3
"""Generates the YAML module's expected values with PyYAML (yaml.safe_load + json.dumps).

Run from the package root:  python3 Tests/Fixtures/YAML/generate.py
Writes, next to this script:
  scalars.json   [{"yaml": source, "json": json.dumps(safe_load(source))} or {"yaml", "error": kind}]
  documents.json same shape, for anchors, aliases, merge keys, keys and block scalars
  pipelines/<Pipeline>.<file>.json  json.dumps(safe_load(...)) of ../shared/octobatch-pipelines/*/{config,items}.yaml
Timestamps: Python gives datetime/date objects; we record the scalar's text (our documented deviation).
"""
import datetime
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "octobatch-pipelines")

SCALARS = [
    # null
    "", "~", "null", "Null", "NULL", "nULL", "nulls", "None", "none",
    # bool
    "yes", "Yes", "YES", "yEs", "no", "No", "NO", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
    "on", "On", "ON", "oN", "off", "Off", "OFF", "y", "n", "Y", "N", "t", "f",
    # int
    "0", "1", "-1", "+1", "-0", "+0", "42", "1_000", "1__0", "0_", "_1", "1_", "017", "-017", "0_17", "08", "09",
    "0o17", "0x1F", "0x1f", "-0x1F", "+0x_1F", "0X1F", "0x", "0xG", "0b101", "-0b101", "0b_1", "0b", "0b102",
    "1:30", "-1:30", "1:30:15", "190:20:30", "1:60", "1:5", "1:05", "0:30", "1_2:30", "1:3_0", "12:345",
    "9223372036854775807", "-9223372036854775808", "0x7FFFFFFFFFFFFFFF", "01", "00", "1 ", "1,000",
    # float
    "1.0", "-1.0", "+1.5", "1.", "-1.", "0.", ".5", "-.5", "+.5", "._5", "1.5e+3", "1.0e+3", "1.0E-3", "1e3",
    "1.0e3", "1e+3", "1.5e3", "6.8523015e+5", "685.230_15e+03", "685_230.15", "1_0.5", "1._5", "1.__",
    "1:30.5", "-1:30.5", "190:20:30.15", "1:30.", "1:30", ".inf", ".Inf", ".INF", "-.inf", "+.inf", "-.Inf",
    "+.INF", ".iNF", "inf", "-inf", ".nan", ".NaN", ".NAN", "-.nan", ".nAn", "nan", "NaN", "1.0e+", "1.0e+-3",
    "0.1", "0.30000000000000004", "1e-05", "100000000000000000.0", "1.7976931348623157e+308",
    "1" + "0" * 400 + ".0", "3.14159265358979323846264338327950288",
    # timestamps (the text is kept)
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
    "2001-12-15 2:59:43.10", "2002-12-14", "2001-1-14", "2001-12-14 21:59", "2001-12-14T21:59:43",
    "2001-12-14 21:59:43 Z", "2001-12-14 21:59:43.5 +05:30", "2001-12-14T21:59:43.5+5",
    # strings that look like other things
    "abc", "a b", "1e", "0.0.1", "1.2.3", "12:30:60", "1_000.5.5", "0x1G", "+", "-", ".", "..", "1:2:3:4",
    "<<<", "==", "'quoted'", "\"dq\"", "'1'", "\"1\"", "'true'", "\"null\"", "'~'", "'1:30'", "\"\"", "''",
    "\"\\t\\u00e9\\x41\"", "'it''s'", "héllo", "日本語", "a: b",
    # explicit tags
    "!!str 1", "!!str true", "!!str ~", "!!str", "!!int '42'", "!!int \"0x1F\"", "!!int ' 12 '", "!!int 1_000",
    "!!int 0o17", "!!int '017'", "!!int \"1:30\"", "!!float 1", "!!float '1e3'", "!!float .5", "!!float ' 2.5 '",
    "!!float 1_000", "!!float '1:30'", "!!bool yes", "!!bool 'TRUE'", "!!bool OfF", "!!null x", "!!null ''",
    "! 12", "! '12'", "! true", "!!timestamp 2001-12-14",
    # block scalars
    "|\n  a\n  b\n", ">\n  a\n  b\n", "|-\n  1\n", ">+\n  x\n\n", "|\n  true\n",
    # errors in PyYAML
    "!!int abc", "!!int ''", "!!float abc", "!!bool maybe", "=", "<<", "!!int 0x", "!foo bar",
    "99999999999999999999", "-9223372036854775809", "0x1_0000_0000_0000_0000", "10:00:00:00:00:00:00:00:00:00:00",
]

DOCUMENTS = [
    # anchors and aliases
    "a: &x 1\nb: *x\n",
    "base: &b {x: 1, y: [1, 2]}\nc: *b\nd: [*b, *b]\n",
    "- &s [1, 2]\n- *s\n",
    # merge keys
    "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  z: 3\n",
    "base: &b {x: 1, y: 2}\nd:\n  z: 3\n  <<: *b\n",
    "base: &b {x: 1, y: 2}\nd:\n  x: 9\n  <<: *b\n  w: 0\n",
    "A: &A {x: 1, y: 2}\nB: &B {y: 3, z: 4}\nm:\n  <<: [*A, *B]\n  w: 0\n  x: 9\n",
    "A: &A {x: 1, y: 2}\nB: &B {y: 3, z: 4}\nm:\n  <<: [*B, *A]\n",
    "A: &A {x: 1}\nB: &B {y: 2}\nm:\n  <<: *A\n  k: v\n  <<: *B\n",
    "A: &A {x: 1, y: 1}\nB: &B {x: 2}\nm:\n  <<: *A\n  <<: *B\n",
    "A: &A {a: 1}\nB: &B {<<: *A, b: 2}\nC:\n  <<: *B\n  c: 3\n",
    "m:\n  <<: {p: 1, q: 2}\n  q: 3\n",
    "m:\n  <<: [{p: 1}, {p: 2, r: 3}]\n",
    "m:\n  '<<': {p: 1}\n",
    "m:\n  !!merge <<: {p: 1}\n  s: 2\n",
    "m: {<<: {a: 1}, b: 2}\n",
    "- &A {a: 1, b: 2}\n- <<: *A\n  b: 3\n- <<: *A\n  c: 4\n",
    # keys that are not strings (json.dumps converts them)
    # (keys that are equal in Python, like 1 and true, are a duplicate-key error for us: see the Swift tests)
    "2.5: b\ntrue: c\n~: d\nno: e\n0x10: f\n1:30: g\n.inf: h\n-.inf: i\n1e3: j\n-1: k\n0.5: l\n",
    "=: x\n",
    "? |\n  block key\n: v\n",
    "[1, 2, {a: b}]\n",
    "{a: [1, {b: [2, 3]}], c: {}}\n",
    "a:\n  - b\n  -\n    - c\n  - d: e\n    f: g\n",
    "a:\nb: \nc: ~\n",
    "--- 1\n",
    "--- |\n  text\n...\n",
    "# only a comment\n",
    "",
    "---\n",
    "key: value # comment\nother: 'x' # c\n",
    "s: 'a\n  b'\nd: \"a\\\n  b\"\nf: >-\n  one\n  two\n\n  three\n",
    "%YAML 1.1\n---\na: 1\n",
    "%TAG !e! tag:yaml.org,2002:\n---\na: !e!int '5'\n",
    "a: !<tag:yaml.org,2002:str> 5\n",
    "seq: !!seq [1]\nmap: !!map {a: 1}\n",
    "a: !!str\nb: !!null\n",
]


def value_or_error(source):
    try:
        value = yaml.safe_load(source)
    except Exception as error:  # noqa: BLE001 - we record the kind of failure
        return {"error": type(error).__name__}
    value = replace_timestamps(value, source)
    try:
        return {"json": json.dumps(value)}
    except (TypeError, ValueError) as error:
        return {"error": "json:" + type(error).__name__}


def replace_timestamps(value, source):
    """A top-level date/datetime becomes the scalar text, as our loader keeps it."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        node = yaml.compose(source)
        return node.value
    return value


def write(name, data):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(data)
        if not data.endswith("\n"):
            out.write("\n")


def main():
    write("scalars.json", json.dumps([{"yaml": s, **value_or_error(s)} for s in SCALARS], indent=1))
    write("documents.json", json.dumps([{"yaml": d, **value_or_error(d)} for d in DOCUMENTS], indent=1))
    if not os.path.isdir(SHARED):
        print("no ../shared/octobatch-pipelines; pipeline fixtures not regenerated", file=sys.stderr)
        return
    for pipeline in sorted(os.listdir(SHARED)):
        for file in ("config.yaml", "items.yaml"):
            source_path = os.path.join(SHARED, pipeline, file)
            if not os.path.isfile(source_path):
                continue
            with open(source_path, encoding="utf-8") as source:
                value = yaml.safe_load(source)
            # No trailing newline: the file holds exactly json.dumps(value).
            with open(os.path.join(HERE, "pipelines", f"{pipeline}.{file[:-5]}.json"), "w", encoding="utf-8") as out:
                out.write(json.dumps(value))


if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "pipelines"), exist_ok=True)
    main()
