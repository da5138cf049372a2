#!/usr/bin/env python3
"""Generates format_fuzz.json: format(value, spec) by CPython 3.11 for pseudo-random ints/floats and specs
(fixed seed, so the file is reproducible). Run: python3 generate_format_fuzz.py > format_fuzz.json"""
import json, random, sys

rng = random.Random(20261121)
FILLS = ["", "*", "0", " "]
ALIGNS = ["", "<", ">", "^", "="]
SIGNS = ["", "+", "-", " "]
GROUPS = ["", ",", "_"]
FLOAT_TYPES = ["", "f", "e", "g", "%", "E", "G", "F"]
INT_TYPES = ["", "d", "x", "X", "o", "b", "e", "f", "%", "g"]

def spec(types, allow_precision=True):
    fill = rng.choice(FILLS)
    align = rng.choice(ALIGNS)
    s = (fill + align) if align else ""
    s += rng.choice(SIGNS)
    if rng.random() < 0.2: s += "#"
    if rng.random() < 0.2 and not align: s += "0"
    if rng.random() < 0.6: s += str(rng.randint(1, 16))
    t = rng.choice(types)
    g = rng.choice(GROUPS)
    if g == "_" or t not in ("x", "X", "o", "b"):
        s += g
    if allow_precision and rng.random() < 0.6: s += "." + str(rng.randint(0, 12))
    return s + t

def values():
    for _ in range(300):
        kind = rng.random()
        if kind < 0.3:
            yield rng.randint(-10**12, 10**12)
        elif kind < 0.5:
            yield rng.randint(-999, 999)
        else:
            e = rng.randint(-12, 18)
            yield round(rng.uniform(-1, 1) * 10 ** e, rng.randint(0, 17))

cases = []
for v in values():
    for _ in range(3):
        s = spec(INT_TYPES if isinstance(v, int) else FLOAT_TYPES, allow_precision=not isinstance(v, int))
        if isinstance(v, int) and rng.random() < 0.3:
            s = spec(["e", "f", "g", "%"])
        try:
            out = format(v, s)
            cases.append({"value": v, "spec": s, "out": out})
        except (ValueError, TypeError) as exc:
            cases.append({"value": v, "spec": s, "error": type(exc).__name__})
json.dump(cases, sys.stdout, indent=0)
sys.stdout.write("\n")
