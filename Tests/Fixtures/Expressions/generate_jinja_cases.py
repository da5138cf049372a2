#!/usr/bin/env python3
"""Generates jinja_cases.json: Jinja2 3.1 expressions (Environment(undefined=StrictUndefined).compile_expression)
evaluated on a fixed context, for the `.jinja` dialect. Only the filters/tests the test provider implements are
used (default/d, upper, length; defined, undefined, none, divisibleby).

Run: python3 generate_jinja_cases.py > jinja_cases.json
"""
import json, sys
import jinja2

CTX = {"name": "npc", "n": 7, "f": 2.5, "items": [3, 1, 2], "npc": {"name": "Bo", "stats": {"hp": 3}},
       "pair": ["a", "b"], "flag": True, "nothing": None}

CASES = r"""
1 + 2
7 / 2
7 // 2
-7 // 2
2 ** 3 ** 2
-2 ** 2
2 * 3 ** 2
10 - 2 - 3
name ~ '!'
name ~ 1 ~ true
'a' ~ 2 * 3
1 ~ 2 + 3
n > 5 and n < 10
n > 5 or missing
not flag
true and false
none is none
nothing is none
n is divisibleby 7
n is divisibleby(2)
n is not divisibleby 2
missing is defined
missing is undefined
missing is not defined
name is defined
npc.name
npc['name']
npc.stats.hp + 1
npc.missing is defined
npc.items() | length
pair.0 ~ pair.1
pair[1]
items | length
name | upper
name | upper ~ '?'
missing | default('fallback')
missing | d('x')
nothing | default('unused')
'yes' if flag else 'no'
'yes' if not flag else 'no'
3 in items
4 not in items
'p' in 'npc'
[1, 2] + [3]
(1, 2)
{'a': 1}['a']
items[0] * f
1 < 2 < 3
n == 7.0
'%s-%d' % ('a', 3)
n % 3
-n
+n
[x for x in items]
missing ~ 'x'
missing + 1
npc.missing
items | nofilter
"""

def main():
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    cases = []
    for line in CASES.strip().split("\n"):
        expr = line.strip()
        case = {"expr": expr, "context": CTX}
        try:
            value = env.compile_expression(expr, undefined_to_none=False)(**CTX)
            if isinstance(value, jinja2.Undefined):
                str(value)
            case["json"] = json.dumps(value, default=list)
            case["repr"] = repr(value)
        except Exception as exc:  # noqa: BLE001
            case["error"] = type(exc).__name__
        cases.append(case)
    json.dump(cases, sys.stdout, indent=1)
    sys.stdout.write("\n")

main()
