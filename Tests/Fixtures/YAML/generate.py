#!/usr/bin/env python3
"""Generates the YAML module's expected values with PyYAML (yaml.safe_load + json.dumps).

Run from the package root:  python3 Tests/Fixtures/YAML/generate.py
Writes, next to this script:
  scalars.json   [{"yaml": source, "json": json.dumps(safe_load(source))} or {"yaml", "error": kind}]
  documents.json same shape, for anchors, aliases, merge keys, keys and block scalars
  random.json    same shape, 400 seeded random documents (block/flow, all scalar styles, anchors, merges)
  pipelines/<Pipeline>.<file>.json  json.dumps(safe_load(...)) of ../shared/octobatch-pipelines/*/{config,items}.yaml
Timestamps: Python gives datetime/date objects; we record the scalar's text (our documented deviation).
"""
import datetime
import random
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


# ---------------------------------------------------------------------------------------------------------
# Random documents (seeded): block and flow collections, every scalar style, anchors, aliases, merge keys.
# ---------------------------------------------------------------------------------------------------------

WORDS = ["alpha", "beta", "gamma", "delta", "name", "id", "value", "x", "y", "z", "über", "日本", "a b", "k_1"]
NON_STRING_KEYS = ["1", "2.5", "~", "0x10", "no", "1:30", ".inf"]
PLAIN = ["1", "-7", "0x1F", "017", "1_000", "1:30", "3.5", "-0.25", "1.0e+3", ".5", ".inf", "-.inf", ".NaN",
         "yes", "No", "on", "OFF", "true", "False", "~", "null", "NULL", "hello", "a b", "1e3",
         "0o17", "08", "+.5", "-.5", "1:30.5", "12:345", "0b101", "+12", "9223372036854775807", "é", "x-y",
         "http://example.com/a?b=c", "1.", "0.", "-0", "+0x_1F"]
QUOTED = ["'1'", '"true"', "'it''s'", '"tab\\tch"', "''", '"\\u00e9"', "'a: b'", '"#not a comment"', "'~'",
          '"multi\\nline"', "'  spaced  '"]


class RandomDocument:
    def __init__(self, rng):
        self.rng = rng
        self.anchors = []  # (name, is_mapping)
        self.count = 0

    def anchor(self):
        if self.rng.random() < 0.12:
            self.count += 1
            return "a%d" % self.count
        return None

    def scalar(self, flow):
        r = self.rng.random()
        if r < 0.65:
            return self.rng.choice(PLAIN)
        if r < 0.93 or flow:
            return self.rng.choice(QUOTED)
        return ""

    def key(self, used):
        while True:
            if self.rng.random() < 0.15 and not any(k in NON_STRING_KEYS for k in used):
                k = self.rng.choice(NON_STRING_KEYS)
            else:
                k = self.rng.choice(WORDS)
            if k not in used:
                used.add(k)
                return k

    def alias(self, want_mapping=None):
        choices = [name for name, is_mapping in self.anchors if want_mapping is None or is_mapping == want_mapping]
        return "*" + self.rng.choice(choices) if choices else None

    def flow(self, depth):
        anchor = self.anchor()
        prefix = "&%s " % anchor if anchor else ""
        n = self.rng.randint(0, 3)
        if self.rng.random() < 0.5:
            items = [self.flow_item(depth + 1) for _ in range(n)]
            text, is_mapping = prefix + "[" + ", ".join(items) + "]", False
        else:
            used = set()
            items = ["%s: %s" % (self.key(used), self.flow_item(depth + 1)) for _ in range(n)]
            text, is_mapping = prefix + "{" + ", ".join(items) + "}", True
        if anchor:
            self.anchors.append((anchor, is_mapping))
        return text

    def flow_item(self, depth):
        r = self.rng.random()
        if depth < 3 and r < 0.2:
            return self.flow(depth)
        if r < 0.27:
            a = self.alias()
            if a:
                return a
        return self.scalar(True)

    def block_value(self, depth, indent):
        """Text that follows 'key:' or '-'."""
        r = self.rng.random()
        if depth >= 4 or r < 0.42:
            anchor = self.anchor()
            text = self.scalar(False)
            if anchor:
                self.anchors.append((anchor, False))
                return " &%s %s" % (anchor, text if text else "''")
            return " " + text if text else ""
        if r < 0.52:
            return " " + self.flow(depth)
        if r < 0.60:
            style = self.rng.choice(["|", ">", "|-", ">-", "|+"])
            lines = ["first line"] + self.rng.sample(["second: line", "  indented", "# not a comment", "last"], 2)
            return " " + style + "\n" + "".join(" " * (indent + 2) + line + "\n" for line in lines).rstrip("\n")
        if r < 0.68:
            a = self.alias()
            if a:
                return " " + a
        anchor = self.anchor()
        prefix = " &" + anchor if anchor else ""
        if r < 0.85:
            body = self.block_mapping(depth + 1, indent + 2)
            is_mapping = True
        else:
            body = self.block_sequence(depth + 1, indent + 2)
            is_mapping = False
        if anchor:
            self.anchors.append((anchor, is_mapping))
        return prefix + "\n" + body

    def block_mapping(self, depth, indent):
        merge = None
        used = set()
        if self.rng.random() < 0.3:
            if self.rng.random() < 0.6:
                a = self.alias(True)
                if a:
                    merge = " " * indent + "<<: " + a
            else:
                choices = [n for n, m in self.anchors if m]
                if choices:
                    picks = [self.rng.choice(choices) for _ in range(self.rng.randint(1, 3))]
                    merge = " " * indent + "<<: [" + ", ".join("*" + p for p in picks) + "]"
        lines = [" " * indent + self.key(used) + ":" + self.block_value(depth, indent)
                 for _ in range(self.rng.randint(1, 4))]
        if merge:
            lines.insert(self.rng.randint(0, len(lines)), merge)
        return "\n".join(lines)

    def block_sequence(self, depth, indent):
        return "\n".join(" " * indent + "-" + self.block_value(depth, indent) for _ in range(self.rng.randint(1, 4)))

    def document(self):
        r = self.rng.random()
        if r < 0.75:
            return self.block_mapping(0, 0) + "\n"
        if r < 0.9:
            return self.block_sequence(0, 0) + "\n"
        return self.flow(0) + "\n"


def random_documents(count, seed=20261121):
    rng = random.Random(seed)
    return [RandomDocument(rng).document() for _ in range(count)]


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
    write("random.json", json.dumps([{"yaml": d, **value_or_error(d)} for d in random_documents(400)], indent=1))
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
