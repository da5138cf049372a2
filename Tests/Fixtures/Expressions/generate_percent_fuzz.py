#!/usr/bin/env python3
"""Generates percent_fuzz.json: printf-style `fmt % value` by CPython 3.11 for pseudo-random formats and
values (fixed seed). Run: python3 generate_percent_fuzz.py > percent_fuzz.json"""
import json, random, sys

rng = random.Random(1121)
cases = []
for _ in range(600):
    flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
    width = str(rng.randint(1, 14)) if rng.random() < 0.6 else ""
    prec = "." + str(rng.randint(0, 10)) if rng.random() < 0.6 else ""
    conv = rng.choice("dieEfFgGxXosr")
    kind = rng.random()
    if kind < 0.4:
        value = rng.randint(-10**9, 10**9)
    elif kind < 0.8:
        value = round(rng.uniform(-1, 1) * 10 ** rng.randint(-8, 16), rng.randint(0, 12))
    else:
        value = rng.choice(["abc", "", "héllo", "x y"])
    fmt = "%" + flags + width + prec + conv
    try:
        cases.append({"format": fmt, "value": value, "out": fmt % value})
    except (TypeError, ValueError, OverflowError) as exc:
        cases.append({"format": fmt, "value": value, "error": type(exc).__name__})
json.dump(cases, sys.stdout, indent=0)
sys.stdout.write("\n")
