#!/usr/bin/env python3
"""Differential cases: random expressions and small block templates drawn from a grammar of the Jinja
features prompt templates use, rendered with the real Jinja2 (Octobatch's environment). Writes
fuzz_cases.jsonl in the format of jinja_cases.jsonl, except that every case renders with the one
context in fuzz_context.json. Deterministic (fixed seed).

Run from this folder: python3 make_fuzz_cases.py [count]
"""
import copy
import json
import random
import sys

import jinja2

CONTEXT = {"n": 7, "mm": -3, "f": 2.5, "g": 0.1, "s": "Hello World", "e": "", "w": "it's a-b c",
           "xs": [3, 1, 2], "words": ["pear", "Apple", "fig"], "nums": [1.5, -2, 0], "d": {"b": 2, "a": 1},
           "npc": {"name": "Wise Elder", "age": 90, "tags": ["old", "calm"]}, "t": True, "no": False,
           "none": None, "empty": [], "rows": [{"k": "x", "v": 2}, {"k": "y", "v": 1}, {"k": "x", "v": 3}]}

ATOMS = ["0", "1", "2", "3", "-1", "10", "0.5", "2.25", "-1.5", "1e3", "'a'", "'Hello World'", "''", "'x y z'",
         "'%s!'", "true", "false", "none", "n", "mm", "f", "g", "s", "e", "w", "xs", "words", "nums", "d", "npc",
         "t", "no", "empty", "rows", "npc.name", "npc.age", "npc.tags", "d.a", "d['b']", "xs[0]", "xs[-1]",
         "s[1:4]", "s[::-1]", "words[1:]", "rows[0].k", "[1, 2]", "['b', 'a']", "(1, 'x')", "{'k': 1}",
         "s.upper()", "s.split()", "w.title()", "d.items() | list", "d.keys() | list", "'a-b'.split('-')",
         "range(4) | list"]
SCALARS = ["0", "1", "2", "-1", "0.5", "2.25", "'a'", "''", "n", "f", "s", "t", "none", "(1, 'x')", "d"]
# Names that are undefined: fine as operands, but not inside list literals (see README, deviations).
UNDEFINED = ["missing", "npc.nope", "xs[9]", "loop"]

FILTERS = ["upper", "lower", "title", "capitalize", "trim", "length", "count", "first", "last", "list", "string",
           "sort", "sort(reverse=true)", "unique|list", "reverse|list", "abs", "int", "float", "round",
           "round(1)", "round(0, 'floor')", "round(1, 'ceil')", "join", "join(', ')", "default('z')",
           "default('z', true)", "d(0)", "truncate(5)", "truncate(8, true)",
           "replace('a', 'o')", "replace('l', 'L', 1)", "wordcount", "indent(2)", "indent(2, true)", "center(9)",
           "min", "max", "sum", "batch(2)|list", "slice(2)|list", "dictsort", "items|list", "map('upper')|list",
           "map('string')|join('-')", "select('odd')|list", "reject('even')|list", "select|list",
           "selectattr('v', 'gt', 1)|list", "map(attribute='k', default='-')|list",
           "map(attribute='k', default='-')|unique|list",
           "sort(attribute='v')|map(attribute='v', default=0)|list", "sum(attribute='v')", "max(attribute='v')",
           "format(1, 2)", "format('q')", "list|length", "first|upper", "string|length"]

TESTS = ["defined", "undefined", "none", "number", "string", "mapping", "sequence", "iterable", "odd", "even",
         "divisibleby 3", "divisibleby(2)", "in [1, 2, 3]", "in 'Hello'", "eq 7", "ne 1", "lt 5", "gt 1", "ge 7",
         "le 0", "true", "false", "integer", "float", "lower", "upper", "sameas none", "boolean"]

BINARY = ["+", "-", "*", "/", "//", "%", "**", "~", "==", "!=", "<", ">", "<=", ">=", "in", "not in", "and", "or"]


def expr(rng, depth=0, plain=False):
    """plain: no undefined names anywhere inside (the expression becomes a list element)."""
    r = rng.random()
    if depth > 2 or r < 0.35:
        if not plain and rng.random() < 0.08:
            return rng.choice(UNDEFINED)
        return rng.choice(ATOMS)
    if r < 0.55:
        return f"{expr(rng, depth + 1, plain)} | {rng.choice(FILTERS)}"
    if r < 0.75:
        op = rng.choice(BINARY)
        # str % x treats any x with __getitem__ (lists, undefineds) as a mapping: keep x plain and simple.
        right = rng.choice(SCALARS) if op == "%" else expr(rng, depth + 1, plain)
        return f"{expr(rng, depth + 1, plain)} {op} {right}"
    if r < 0.83:
        neg = rng.choice(["", "not "])
        return f"{expr(rng, depth + 1, plain)} is {neg}{rng.choice(TESTS)}"
    if r < 0.88:
        return f"not {expr(rng, depth + 1, plain)}"
    if r < 0.92:
        return f"-{rng.choice(ATOMS)}"
    if r < 0.96:
        return f"({expr(rng, depth + 1, plain)} if {expr(rng, depth + 1, plain)} else {expr(rng, depth + 1, plain)})"
    return f"[{expr(rng, depth + 1, True)}, {expr(rng, depth + 1, True)}]"


def block(rng):
    kind = rng.randrange(6)
    a, b = expr(rng, 1), expr(rng, 1, True)
    if kind == 0:
        return f"{{% for x in {a} %}}[{{{{ x }}}}|{{{{ loop.index }}}}/{{{{ loop.length }}}}]{{% else %}}none{{% endfor %}}"
    if kind == 1:
        return f"{{% if {a} %}}\n  yes {{{{ {b} }}}}\n{{% elif {b} %}}\nmid\n{{% else %}}\n  no\n{{% endif %}}\n"
    if kind == 2:
        return f"{{% set v = {a} %}}{{{{ v }}}}-{{{{ v | string | length }}}}"
    if kind == 3:
        return f"{{% for x in {a} if x %}}{{{{ x }}}}{{{{ ',' if not loop.last }}}}{{% endfor %}}"
    if kind == 4:
        return f"{{% for k, v in {a} | dictsort %}}{{{{ k }}}}={{{{ v }}}};{{% endfor %}}"
    return f"{{% macro m(p, q={b}) %}}<{{{{ p }}}}:{{{{ q }}}}>{{% endmacro %}}{{{{ m({a}) }}}}{{{{ m(1, 2) }}}}"


PIECES_TEXT = ["", " ", "  ", "\n", "\n\n", " \n ", "\t", "x", "a b", "\n  - ", "{", "}", "%", "#", "{ {",
               "} }", "%}", "#}", "}}", "\r\n", "\u00a0", "é\n"]
TAGS = ["{{{s} n {e}}}", "{{{s} s {e}}}", "{{{s} xs {e}}}", "{{%{s} set q = 1 {e}%}}", "{{#{s} note {e}#}}",
        "{{%{s} if t {e}%}}T{{%{s} endif {e}%}}", "{{%{s} if no {e}%}}N{{%{s} else {e}%}}E{{%{s} endif {e}%}}",
        "{{%{s} for i in [1, 2] {e}%}}<{{{{ i }}}}>{{%{s} endfor {e}%}}",
        "{{%{s} for i in xs {e}%}}\n- {{{{ i }}}}\n{{%{s} endfor {e}%}}",
        "{{%{s} raw {e}%}}{{{{ x }}}}{{%{s} endraw {e}%}}", "{{%{s} with a = 2 {e}%}}{{{{ a }}}}{{%{s} endwith {e}%}}"]


def whitespace_template(rng):
    out = []
    for _ in range(rng.randrange(1, 6)):
        out.append(rng.choice(PIECES_TEXT))
        tag = rng.choice(TAGS)
        is_print = tag.startswith("{{{s}") and "%" not in tag[:4]
        def mark(print_end=False):
            return rng.choice(["", "", "-", "+"]) if not print_end else rng.choice(["", "", "-"])
        out.append(tag.format(s=mark(), e=mark(print_end=is_print)))
    out.append(rng.choice(PIECES_TEXT))
    return "".join(out)


WRAP_WORDS = ["a", "word", "longerword", "supercalifragilistic", "goof-ball", "well-known-fact", "x-ray", "e-mail",
              "--", "use", "-b", "option!", "Look,", "1-2", "a--b", "don't", "re-re-enter", "---", "end.", "é-à",
              "snake_case", "2nd-rate", "A-1", "12345678901234567890", "(parens)", "\"quoted\""]
WRAP_SPACES = [" ", " ", " ", "  ", "\t", "\n", " \n ", "\n\n"]


def wordwrap_case(rng):
    words = [rng.choice(WRAP_WORDS) for _ in range(rng.randrange(1, 14))]
    text = "".join(w + rng.choice(WRAP_SPACES) for w in words).rstrip(" ") if rng.random() < 0.7 else \
        "".join(w + rng.choice(WRAP_SPACES) for w in words)
    width = rng.choice([1, 2, 3, 5, 7, 10, 12, 20, 79])
    args = [str(width)]
    if rng.random() < 0.3:
        args.append(rng.choice(["false", "true"]))
    if rng.random() < 0.2:
        args.append("'|'")
    if rng.random() < 0.3 and len(args) == 3:
        args.append(rng.choice(["false", "true"]))
    elif rng.random() < 0.3:
        args.append("break_on_hyphens=" + rng.choice(["false", "true"]))
    return "{{ text | wordwrap(" + ", ".join(args) + ") }}", text


PP_STRINGS = ["", "a", "Hello World", "it's", "line one\nline two\n", "tab\there", "é ünï", "x" * 30,
              "word " * 20, "a much longer sentence that goes on and on, well past the eighty column limit of pprint",
              "no-spaces-" * 12, "  leading and trailing  "]


def pprint_value(rng, depth=0):
    r = rng.random()
    if depth > 3 or r < 0.35:
        return rng.choice([0, 1, -7, 12345678901, 0.5, 1e-7, True, False, None] + PP_STRINGS)
    if r < 0.65:
        return [pprint_value(rng, depth + 1) for _ in range(rng.randrange(0, 7))]
    keys = ["id", "name", "description", "b", "a", "Zeta", "_x", "long_key_name_for_width", "é"]
    return {k: pprint_value(rng, depth + 1) for k in rng.sample(keys, rng.randrange(0, 6))}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(4242)
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    seen = set()
    with open("fuzz_context.json", "w", encoding="utf-8") as out:
        json.dump(CONTEXT, out, ensure_ascii=False)
    with open("fuzz_cases.jsonl", "w", encoding="utf-8") as out:
        i = 0
        while i < count:
            template = "{{ " + expr(rng) + " }}" if rng.random() < 0.7 else block(rng)
            if template in seen:
                continue
            seen.add(template)
            record = {"name": f"fuzz-{i:04d}", "template": template}
            try:
                record["output"] = env.from_string(template).render(**copy.deepcopy(CONTEXT))
                if " at 0x" in record["output"]:
                    continue  # Python prints an object address here; nothing to compare

            except Exception as e:  # noqa: BLE001 - every Jinja failure is an expected outcome here
                record["error"] = {"type": type(e).__name__, "message": str(e)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            i += 1
    print(f"{count} cases written to fuzz_cases.jsonl")
    seen = set()
    with open("fuzz_whitespace.jsonl", "w", encoding="utf-8") as out:
        i = 0
        while i < 1000:
            template = whitespace_template(rng)
            if template in seen:
                continue
            seen.add(template)
            record = {"name": f"ws-fuzz-{i:04d}", "template": template}
            try:
                record["output"] = env.from_string(template).render(**copy.deepcopy(CONTEXT))
            except Exception as e:  # noqa: BLE001 - every Jinja failure is an expected outcome here
                record["error"] = {"type": type(e).__name__, "message": str(e)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            i += 1
    print("1000 whitespace cases written to fuzz_whitespace.jsonl")
    with open("fuzz_wordwrap.jsonl", "w", encoding="utf-8") as out:
        for i in range(500):
            template, text = wordwrap_case(rng)
            record = {"name": f"wrap-{i:04d}", "template": template, "context": {"text": text}}
            try:
                record["output"] = env.from_string(template).render(text=text)
            except Exception as e:  # noqa: BLE001 - every Jinja failure is an expected outcome here
                record["error"] = {"type": type(e).__name__, "message": str(e)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("500 wordwrap cases written to fuzz_wordwrap.jsonl")
    with open("fuzz_pprint.jsonl", "w", encoding="utf-8") as out:
        for i in range(300):
            value = pprint_value(rng)
            template = rng.choice(["{{ v | pprint }}", "{{ [v] | pprint }}", "{{ {'k': v} | pprint }}"])
            record = {"name": f"pprint-{i:04d}", "template": template, "context": {"v": value},
                      "output": env.from_string(template).render(v=copy.deepcopy(value))}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("300 pprint cases written to fuzz_pprint.jsonl")


if __name__ == "__main__":
    main()
