#!/usr/bin/env python3
"""Generates the JSON writer corpus: each line of json_corpus.jsonl is one document written by
json.dumps(obj) (Python's defaults); json_corpus_compact.jsonl and json_corpus_indent2.txt hold the same
documents with separators=(",", ":") and indent=2 (documents separated by a line with a single \x1e),
and json_corpus_sorted.jsonl with sort_keys=True. Deterministic (seeded). Run from this folder:
    python3 make_json_corpus.py
"""
import json, math, random, struct

rng = random.Random(20261121)

def rand_float():
    kind = rng.randrange(7)
    if kind == 0:   # any bit pattern (finite)
        while True:
            f = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if math.isfinite(f):
                return f
    if kind == 1:
        return rng.random()
    if kind == 2:
        return round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
    if kind == 3:
        return float(rng.randrange(-10**6, 10**6))
    if kind == 4:
        return rng.choice([1e16, 1e15, 1e-4, 1e-5, 9.999999999999999e15, 1.5e300, 5e-324, 2.2250738585072014e-308,
                           1.7976931348623157e308, 0.1, 0.2, 0.30000000000000004, 100.0, 1e22, 1e21, 123456789.0,
                           -0.0, 0.0, 1e-7, 12345678901234567890.0,
                           2.0**53, 2.0**53 + 2, 9.999999999999998e15, -9.5e15, 2.0**53 - 1])
    if kind == 5:
        return 10.0 ** rng.randrange(-30, 30) * rng.choice([1, -1, 3.5, 7.25, 9.3])
    return float(rng.randrange(2**53, 10**16))

ALPHABET = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x00", "\x1f", "\x7f", "é", "—",
            "日本", "😀", "\U0001F600", "\u2028", "\ufeff", "'", "ß", "\u00a0"]

def rand_string():
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12)))

def rand_int():
    return rng.choice([0, 1, -1, 2**31, -2**31, 2**53, 2**63 - 1, -2**63, rng.randrange(-10**12, 10**12)])

def rand_value(depth=0):
    kinds = ["null", "bool", "int", "float", "str"]
    if depth < 4:
        kinds += ["list", "dict"]
    k = rng.choice(kinds)
    if k == "null": return None
    if k == "bool": return rng.random() < 0.5
    if k == "int": return rand_int()
    if k == "float": return rand_float()
    if k == "str": return rand_string()
    if k == "list": return [rand_value(depth + 1) for _ in range(rng.randrange(0, 5))]
    d = {}
    for _ in range(rng.randrange(0, 5)):
        d[rand_string()] = rand_value(depth + 1)
    return d

docs = [None, True, False, 0, -0.0, 1.0, 0.1, 1e16, 1e-05, 5e-324, float("inf"), float("-inf"), float("nan"),
        "", [], {}, [[]], {"": {}}, "—", "😀",
        {"unit_id": "start_at_5__rep0000", "id": "start_at_5", "path": [5, 6, 5], "ok": True, "x": 0.5},
        [1, 1.0, "1", None, [1.5e300, -2.5e-300]]]
docs += [rand_value() for _ in range(1500)]
docs += [rand_float() for _ in range(1500)]

with open("json_corpus.jsonl", "w", encoding="ascii") as f:
    for d in docs:
        f.write(json.dumps(d) + "\n")
with open("json_corpus_compact.jsonl", "w", encoding="ascii") as f:
    for d in docs:
        f.write(json.dumps(d, separators=(",", ":")) + "\n")
with open("json_corpus_sorted.jsonl", "w", encoding="ascii") as f:
    for d in docs:
        f.write(json.dumps(d, sort_keys=True) + "\n")
with open("json_corpus_indent2.txt", "w", encoding="ascii") as f:
    for d in docs:
        f.write(json.dumps(d, indent=2) + "\n\x1e\n")
