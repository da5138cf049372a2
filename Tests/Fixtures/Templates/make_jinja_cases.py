#!/usr/bin/env python3
"""Renders a table of (template, context) cases with the real Jinja2, configured as the Python Octobatch
configures it, and writes jinja_cases.jsonl: one line per case with the expected output or the error.

Run from this folder: python3 make_jinja_cases.py   (needs Jinja2 3.1.x)
"""
import copy
import json
import jinja2

CASES = []


def case(name, template, context=None, files=None):
    CASES.append({"name": name, "template": template, "context": context or {}, "files": files or {}})


U = {"npc": {"name": "Gruff Blacksmith", "description": "Short."}, "xs": [3, 1, 2], "s": "Hello World",
     "f": 2.5, "n": 7, "t": True, "none": None, "d": {"b": 2, "a": 1}, "empty": [], "words": ["a", "b"]}

# --- output and Python str() ---------------------------------------------------------------------
case("print-string", "{{ s }}", U)
case("print-int", "{{ n }}", U)
case("print-float", "{{ f }} {{ 1.0 }} {{ 0.1 + 0.2 }} {{ 1e16 }} {{ 1e-5 }} {{ 3.0 * 1 }}", U)
case("print-bool-none", "{{ t }} {{ none }} {{ true }} {{ False }} {{ None }}", U)
case("print-list", "{{ xs }} {{ words }} {{ [1, 'a', none, true, 1.5] }}", U)
case("print-dict", "{{ d }} {{ npc }}", U)
case("print-nested", "{{ {'a': [1, {'b': 'c'}], 'q': \"it's\"} }}", U)
case("print-tuple", "{{ (1,) }} {{ (1, 2) }} {{ () }} {{ 1, 2 }}", U)
case("print-unicode", "{{ 'héllo → ✓' }} {{ ['é'] }}", U)
case("print-escapes", "{{ 'a\\nb' }}|{{ ['a\\nb', 'tab\\t'] }}|{{ \"q\\\"\" }}", U)
case("string-concat-literals", "{{ 'a' 'b' \"c\" }}", U)
case("keep-trailing-newline", "line\n", U)
case("crlf-normalised", "a\r\nb\rc\n{{ n }}\r\n", U)
case("attribute-on-dict", "{{ npc.name }}: {{ npc['description'] }}", U)
case("item-index", "{{ xs[0] }} {{ xs[-1] }} {{ s[1] }} {{ xs.1 }}", U)
case("slices", "{{ xs[1:] }} {{ xs[:-1] }} {{ xs[::-1] }} {{ s[::2] }} {{ s[-5:] }} {{ xs[5:] }}", U)
case("method-calls", "{{ s.upper() }} {{ s.lower() }} {{ s.split() }} {{ s.replace('l', 'L') }} "
     "{{ s.startswith('He') }} {{ '  x '.strip() }} {{ ','.join(words) }}", U)
case("dict-methods", "{{ d.items() }} {{ d.keys() }} {{ d.values() }} {{ d.get('a') }} {{ d.get('z', 0) }}", U)
case("for-items-unpack", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", U)
case("dict-key-items-shadow", "{{ q.items() }}", {"q": {"items": 5}})
case("str-format-method", "{{ '{} and {}'.format(1, 'b') }} {{ '{x}!'.format(x=3) }}", U)

# --- undefined (StrictUndefined) -------------------------------------------------------------------
case("undefined-name", "a {{ missing }} b", U)
case("undefined-attribute", "{{ npc.age }}", U)
case("undefined-item", "{{ npc['age'] }}", U)
case("undefined-index", "{{ xs[10] }}", U)
case("undefined-attr-of-undefined", "{{ missing.x }}", U)
case("undefined-in-if", "{% if missing %}x{% endif %}", U)
case("undefined-in-for", "{% for x in missing %}x{% endfor %}", U)
case("undefined-is-defined", "{{ missing is defined }} {{ missing is undefined }} {{ n is defined }} "
     "{{ npc.age is defined }} {{ npc.name is defined }}", U)
case("undefined-default", "{{ missing | default('dflt') }} {{ missing | d(5) }} {{ npc.age | default(3) }}", U)
case("default-boolean", "{{ '' | default('x') }}|{{ '' | default('x', true) }}|{{ 0 | d(9, boolean=true) }}", U)
case("undefined-concat", "{{ 'a' ~ missing }}", U)
case("undefined-compare", "{{ missing == 1 }}", U)
case("undefined-set-then-unused", "{% set y = missing %}ok", U)
case("undefined-set-then-used", "{% set y = missing %}{{ y }}", U)
case("undefined-filter-upper", "{{ missing | upper }}", U)
case("undefined-length", "{{ missing | length }}", U)
case("undefined-none-test", "{{ missing is none }}", U)
case("cond-no-else", "[{{ 'x' if false }}]", U)
case("undefined-element-message", "{{ xs[7] }}", U)
case("undefined-string-attr", "{{ s.foo }}", U)
case("undefined-none-attr", "{{ none.foo }}", U)

# --- if / elif / else ------------------------------------------------------------------------------
case("if-basic", "{% if t %}yes{% endif %}", U)
case("if-else", "{% if none %}yes{% else %}no{% endif %}", U)
case("if-elif", "{% for i in [1, 2, 3] %}{% if i == 1 %}one{% elif i == 2 %}two{% else %}many{% endif %} {% endfor %}", U)
case("if-truthiness", "{% for v in [0, 1, '', 'a', [], [0], {}, none, 0.0] %}{{ 'T' if v else 'F' }}{% endfor %}", U)
case("if-and-or-not", "{{ t and n }} {{ none or 'x' }} {{ not t }} {{ 0 or '' }} {{ 1 and 0 }} {{ not none and t }}", U)
case("if-whitespace", "a\n{% if t %}\nyes\n{% endif %}\nb", U)
case("comparisons", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ 1 != 2 }} {{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} "
     "{{ [1, 2] < [1, 3] }} {{ true == 1 }}", U)
case("compare-type-error", "{{ 1 < 'a' }}", U)
case("in-operator", "{{ 1 in xs }} {{ 'World' in s }} {{ 'a' in d }} {{ 'z' not in d }} {{ 5 in xs }}", U)

# --- for loops -------------------------------------------------------------------------------------
case("for-basic", "{% for x in xs %}[{{ x }}]{% endfor %}", U)
case("for-loop-vars", "{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/"
     "{{ loop.first }}/{{ loop.last }}/{{ loop.length }};{% endfor %}", U)
case("for-else", "{% for x in empty %}x{% else %}none{% endfor %}", U)
case("for-filter", "{% for x in xs if x > 1 %}{{ x }}:{{ loop.index }}/{{ loop.length }} {% endfor %}", U)
case("for-filter-else", "{% for x in xs if x > 9 %}{{ x }}{% else %}empty{% endfor %}", U)
case("for-nested", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ a }}{{ b }}({{ loop.index }}) {% endfor %}{{ loop.index }}|{% endfor %}", U)
case("for-dict", "{% for k in d %}{{ k }}{% endfor %}", U)
case("for-string", "{% for c in 'abc' %}{{ c }}-{% endfor %}", U)
case("for-tuple-unpack", "{% for a, b in [[1, 2], [3, 4]] %}{{ a + b }} {% endfor %}", U)
case("for-tuple-unpack-parens", "{% for (a, b) in [(1, 2)] %}{{ a }}{{ b }}{% endfor %}", U)
case("for-unpack-error", "{% for a, b in [[1, 2, 3]] %}{% endfor %}", U)
case("for-cycle", "{% for x in xs %}{{ loop.cycle('odd', 'even') }} {% endfor %}", U)
case("for-prev-next", "{% for x in xs %}{{ loop.previtem if not loop.first else '-' }}{{ x }}"
     "{{ loop.nextitem if not loop.last else '-' }} {% endfor %}", U)
case("for-changed", "{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}", U)
case("for-range", "{% for i in range(3) %}{{ i }}{% endfor %} {{ range(2, 8, 2) | list }} {{ range(3) }}", U)
case("for-scope", "{% set x = 1 %}{% for i in [1, 2] %}{{ x }}{% set x = x + 10 %}{{ x }} {% endfor %}{{ x }}", U)
case("for-loop-undefined-after", "{% for i in [1] %}{% endfor %}{{ loop }}", U)
case("for-whitespace-blackjack", "## Action Log\n{% for entry in action_log %}\n- {{ entry }}\n{% endfor %}\n\n## Next",
     {"action_log": ["Player initial hand: [7, K], total 17", "Stand at 17", "RESULT: Player 17 vs Dealer 18"]})
case("for-not-iterable", "{% for x in n %}{% endfor %}", U)
case("for-namespace-counter", "{% set ns = namespace(total=0) %}{% for x in xs %}{% set ns.total = ns.total + x %}"
     "{% endfor %}{{ ns.total }}", U)

# --- set, with, comments, raw, whitespace control --------------------------------------------------
case("set-basic", "{% set a = 5 %}{% set b, c = 1, 2 %}{{ a }}{{ b }}{{ c }}", U)
case("set-tuple", "{% set t2 = 1, 2 %}{{ t2 }}", U)
case("set-block", "{% set block %}Hi {{ n }}!{% endset %}[{{ block }}]", U)
case("set-block-filter", "{% set shout | upper %}hey {{ s }}{% endset %}{{ shout }}", U)
case("set-shadows-context", "{{ n }}{% set n = 1 %}{{ n }}", U)
case("set-in-if-leaks", "{% if true %}{% set y = 3 %}{% endif %}{{ y }}", U)
case("with-block", "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a is defined }}", U)
case("comment", "a{# hidden {{ n }} #}b", U)
case("comment-multiline", "a\n{# one\ntwo #}\nb", U)
case("comment-strip", "a  {#- x -#}  b", U)
case("raw", "{% raw %}{{ n }} {% if %}{% endraw %}", U)
case("raw-strip", "a {%- raw -%}  {{ x }}  {%- endraw -%} b", U)
case("ws-minus-var", "a   {{- n -}}   b", U)
case("ws-minus-block", "a\n  {%- if t -%}\n  yes\n  {%- endif -%}\n  b", U)
case("ws-plus", "a\n  {%+ if t +%}\nyes\n{%+ endif %}\nb", U)
case("ws-default-block-lines", "{% for x in xs %}\n{{ x }}\n{% endfor %}\n", U)
case("ws-strip-newlines-only", "x\n\n{%- set y = 1 %}\n\ny", U)
case("whitespace-inside-tags", "{{n}}{{   n   }}{%if t%}T{%endif%}", U)
case("braces-in-expression", "{{ {'a': {'b': 1}} }}", U)
case("string-with-delimiters", "{{ '%}' ~ '}}' ~ '{{' }}", U)

# --- expressions -----------------------------------------------------------------------------------
case("arithmetic", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} "
     "{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 7.5 // 2 }} {{ -7.5 % 2 }} {{ 4 / 2 }}", U)
case("power-left-assoc", "{{ 2 ** 3 ** 2 }} {{ -2 ** 2 }}", U)
case("unary", "{{ -n }} {{ +n }} {{ -f }} {{ - -1 }}", U)
case("string-ops", "{{ 'ab' + 'cd' }} {{ 'ab' * 3 }} {{ [1] * 2 }} {{ [1] + [2] }} {{ 'a' ~ 1 ~ none ~ [1] }}", U)
case("string-percent", "{{ '%s-%d' % ('a', 3) }} {{ '%.2f' % 3.14159 }} {{ '%(x)s' % {'x': 1} }} {{ '%5s|%-5s|' % ('a', 'b') }}", U)
case("division-by-zero", "{{ 1 / 0 }}", U)
case("type-error-add", "{{ 'a' + 1 }}", U)
case("conditional-expr", "{{ 'a' if n > 5 else 'b' }} {{ 'a' if n > 50 else 'b' if n > 5 else 'c' }}", U)
case("list-dict-literals", "{{ [1, [2, 3], {'k': (4, 5)}] }} {{ {'x': n, 'y': [n]} }} {{ [1, 2,] }}", U)
case("filter-precedence", "{{ -3 | abs }} {{ 1 + 2 | string }} {{ 'a' ~ 'b' | upper }}", U)
case("test-precedence", "{{ not n is odd }} {{ n is odd and n is not even }} {{ 3 is divisibleby 3 }} "
     "{{ none is none }} {{ n is number }} {{ s is string }}", U)

# --- macros and include ----------------------------------------------------------------------------
case("macro-basic", "{% macro hi(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}"
     "{{ hi('Ann') }} {{ hi('Bob', 'Hey') }} {{ hi(greeting='Yo', name='Cy') }}", U)
case("macro-default-refers-param", "{% macro m(a, b=a * 2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(3) }}", U)
case("macro-sees-context", "{% macro m() %}{{ n }}{% endmacro %}{{ m() }}", U)
case("macro-missing-arg", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}", U)
case("macro-missing-arg-unused", "{% macro m(a, b) %}{{ a }}{% endmacro %}{{ m(1) }}", U)
case("macro-too-many", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", U)
case("macro-bad-keyword", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(b=1) }}", U)
case("macro-varargs-kwargs", "{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }}", U)
case("macro-whitespace", "{% macro m(x) %}\n[{{ x }}]\n{% endmacro %}\n{{ m(1) }}{{ m(2) }}", U)
case("macro-call-block", "{% macro box() %}<{{ caller() }}>{% endmacro %}{% call box() %}inside {{ n }}{% endcall %}", U)
case("include-basic", "A{% include 'part.jinja2' %}B", U, files={"part.jinja2": "[{{ n }} {{ npc.name }}]\n"})
case("include-sees-locals", "{% for x in xs %}{% include 'item.jinja2' %}{% endfor %}", U,
     files={"item.jinja2": "<{{ x }}:{{ loop.index }}>"})
case("include-sees-loop-target", "{% for x in xs %}{% include 'item.jinja2' %}{% endfor %}", U,
     files={"item.jinja2": "<{{ x }}>"})
case("include-missing", "{% include 'nope.jinja2' %}", U)
case("include-ignore-missing", "a{% include 'nope.jinja2' ignore missing %}b", U)
case("include-set-does-not-leak", "{% include 'setter.jinja2' %}{{ z is defined }}", U,
     files={"setter.jinja2": "{% set z = 1 %}{{ z }}"})
case("include-error-inside", "{% include 'bad.jinja2' %}", U, files={"bad.jinja2": "x\n{{ nothing_here }}"})

# --- syntax errors ---------------------------------------------------------------------------------
case("syntax-unclosed-if", "{% if t %}x", U)
case("syntax-unclosed-var", "{{ n ", U)
case("syntax-unknown-tag", "{% frobnicate %}", U)
case("syntax-unknown-filter", "{{ n | frobnicate }}", U)
case("syntax-unknown-test", "{{ n is frobnicate }}", U)
case("syntax-unknown-filter-dead-branch", "{% if false %}{{ n | nosuch }}{% endif %}", U)
case("syntax-bad-expression", "{{ 1 + }}", U)
case("syntax-endfor-without-for", "{% endfor %}", U)
case("syntax-unclosed-comment", "{# abc", U)
case("syntax-else-outside", "{% else %}", U)
case("syntax-unbalanced", "{{ (1 }}", U)

# --- filters ---------------------------------------------------------------------------------------
case("f-case", "{{ s | upper }} {{ s | lower }} {{ 'hello wORLD' | capitalize }} {{ s | length }} {{ s | count }}", U)
case("f-title", "{{ 'hello world' | title }}|{{ \"they're bill's-friend (x)\" | title }}|{{ 'a[b{c<d  e\\tf' | title }}|{{ 'ÉCOLE élève' | title }}", U)
case("f-trim", "[{{ '  a b  ' | trim }}] [{{ 'xxaxx' | trim('x') }}] [{{ '\\n\\t z \\n' | trim }}]", U)
case("f-length", "{{ xs | length }} {{ d | length }} {{ '' | length }} {{ 'héllo' | length }}", U)
case("f-join", "{{ xs | join }} {{ xs | join(', ') }} {{ [{'a': 1}, {'a': 2}] | join('-', attribute='a') }} {{ 'abc' | join('.') }}", U)
case("f-first-last", "{{ xs | first }} {{ xs | last }} {{ 'abc' | first }} {{ 'abc' | last }}", U)
case("f-first-empty", "{{ empty | first }}", U)
case("f-sort", "{{ xs | sort }} {{ xs | sort(reverse=true) }} {{ ['b', 'A', 'a', 'C'] | sort }} "
     "{{ ['b', 'A', 'a', 'C'] | sort(case_sensitive=true) }} "
     "{{ [{'n': 2, 'm': 'x'}, {'n': 1, 'm': 'y'}] | sort(attribute='n') | map(attribute='m') | join }}", U)
case("f-sort-multi-attribute", "{{ people | sort(attribute='age,name') | map(attribute='name') | join(',') }}",
     {"people": [{"name": "b", "age": 3}, {"name": "a", "age": 3}, {"name": "c", "age": 1}]})
case("f-sort-stable-reverse", "{{ pairs | sort(attribute='0', reverse=true) }}", {"pairs": [[1, "a"], [2, "b"], [1, "c"], [2, "d"]]})
case("f-sort-mixed-error", "{{ [1, 'a'] | sort }}", U)
case("f-unique", "{{ [1, 2, 1, 3] | unique | list }} {{ ['a', 'A', 'b'] | unique | list }} {{ ['a', 'A'] | unique(case_sensitive=true) | list }}", U)
case("f-reverse", "{{ xs | reverse | list }} {{ 'abc' | reverse }} {{ xs | reverse | join(',') }}", U)
case("f-round", "{{ 2.5 | round }} {{ 3.5 | round }} {{ 2.675 | round(2) }} {{ 3 | round }} {{ 1.23456 | round(3) }} "
     "{{ 2.1 | round(0, 'ceil') }} {{ 2.9 | round(method='floor') }} {{ -2.5 | round }} {{ 1234 | round(-2) }} "
     "{{ 1.5 | round(1, 'ceil') }} {{ 0.125 | round(2) }}", U)
case("f-round-bad-method", "{{ 2.5 | round(0, 'up') }}", U)
case("f-int-float", "{{ '42' | int }} {{ '42.7' | int }} {{ 'x' | int }} {{ 'x' | int(7) }} {{ 3.9 | int }} {{ '0x1A' | int(0, 16) }} "
     "{{ ' 12 ' | int }} {{ '1_000' | int }} {{ true | int }} {{ none | int }} "
     "{{ '3.5' | float }} {{ 'x' | float }} {{ 2 | float }} {{ '1e3' | float }} {{ 'x' | float(1.5) }} {{ '1e3' | int }}", U)
case("f-string-list", "{{ 12 | string }} {{ (1 | string) ~ 2 }} {{ 'ab' | list }} {{ d | list }} {{ none | string }}", U)
case("f-tojson", "{{ d | tojson }} {{ {'x': '<a&b>\\'', 'u': 'é', 'l': [1, 2.5, none, true]} | tojson }} {{ 'x' | tojson }}", U)
case("f-tojson-indent", "{{ {'b': [1, {'c': 2}], 'a': {}} | tojson(indent=2) }}", U)
case("f-truncate", "{{ 'foo bar baz qux' | truncate(9) }}|{{ 'foo bar baz qux' | truncate(9, True) }}|"
     "{{ 'foo bar baz qux' | truncate(11) }}|{{ 'foo bar baz qux' | truncate(11, False, '...', 0) }}|"
     "{{ 'hello' | truncate(3, leeway=0) }}|{{ long | truncate(20) }}|{{ long | truncate(20, end='!') }}",
     {"long": "The quick brown fox jumps over the lazy dog"})
case("f-truncate-error", "{{ 'foo bar baz' | truncate(2) }}", U)
case("f-replace", "{{ s | replace('o', '0') }} {{ s | replace('l', 'L', 2) }} {{ 'abc' | replace('', '-') }} {{ 123 | replace('2', 'x') }}", U)
case("f-wordcount", "{{ 'Hello big world!' | wordcount }} {{ \"it's a-b_c 3.5\" | wordcount }} {{ '' | wordcount }}", U)
case("f-indent", "[{{ 'a\\nb\\n\\nc' | indent }}] [{{ 'a\\nb' | indent(2, true) }}] [{{ 'a\\n\\nb' | indent(2, blank=true) }}] "
     "[{{ 'a\\nb' | indent('> ') }}] [{{ 'x' | indent(first=true) }}] [{{ '' | indent }}]", U)
case("f-center", "[{{ 'ab' | center(7) }}] [{{ 'abc' | center(6) }}] [{{ 'abc' | center(2) }}] [{{ 'a' | center(4) }}]", U)
case("f-abs", "{{ -3 | abs }} {{ -2.5 | abs }} {{ 3 | abs }}", U)
case("f-min-max-sum", "{{ xs | min }} {{ xs | max }} {{ xs | sum }} {{ ['b', 'A'] | min }} {{ ['b', 'A'] | max(case_sensitive=true) }} "
     "{{ [{'v': 2}, {'v': 5}] | sum(attribute='v') }} {{ [{'v': 2}, {'v': 5}] | max(attribute='v') }} {{ [0.1, 0.2] | sum }} "
     "{{ xs | sum(start=10) }}", U)
case("f-map", "{{ words | map('upper') | list }} {{ [{'a': 1}, {'a': 2}] | map(attribute='a') | list }} "
     "{{ [{'a': 1}, {}] | map(attribute='a', default=0) | list }} {{ [1.5, 2.5] | map('round') | list }} "
     "{{ ['a', 'b'] | map('replace', 'a', 'z') | join }}", U)
case("f-select-reject", "{{ [1, 2, 3, 4] | select('odd') | list }} {{ [1, 2, 3, 4] | reject('odd') | list }} "
     "{{ [0, 1, '', 'a'] | select | list }} {{ [1, 5, 9] | select('>', 4) | list }} {{ [1, 2] | select('in', [2, 3]) | list }}", U)
case("f-selectattr", "{{ users | selectattr('active') | map(attribute='name') | join(',') }} "
     "{{ users | rejectattr('active') | map(attribute='name') | join(',') }} "
     "{{ users | selectattr('age', 'gt', 20) | map(attribute='name') | list }} "
     "{{ users | selectattr('email', 'defined') | map(attribute='name') | list }}",
     {"users": [{"name": "a", "active": True, "age": 30, "email": "x"}, {"name": "b", "active": False, "age": 10}]})
case("f-dictsort", "{{ d | dictsort }} {{ d | dictsort(reverse=true) }} {{ {'b': 1, 'a': 2} | dictsort(by='value') }} "
     "{{ {'B': 1, 'a': 2} | dictsort }} {{ {'B': 1, 'a': 2} | dictsort(true) }}", U)
case("f-items", "{% for k, v in d | items %}{{ k }}{{ v }}{% endfor %} {{ d | items | list }}", U)
case("f-batch", "{{ [1, 2, 3, 4, 5] | batch(2) | list }} {{ [1, 2, 3] | batch(2, 'x') | list }}", U)
case("f-slice", "{{ [1, 2, 3, 4, 5] | slice(2) | list }} {{ [1, 2, 3, 4] | slice(3, 0) | list }} {{ [1, 2, 3, 4, 5, 6, 7] | slice(3) | list }}", U)
case("f-format", "{{ '%s-%s' | format('a', 1) }} {{ '%(k)s!' | format(k='v') }} {{ '%05.1f|%x|%r' | format(3.14159, 255, 'q') }} "
     "{{ '%+d %i %%' | format(5, 6) }}", U)
case("f-format-mixed-error", "{{ '%s' | format('a', k=1) }}", U)
case("f-safe-escape", "{{ '<b>' | safe }} {{ '<a href=\"x\">&\\'' | escape }} {{ '<b>' | e }}", U)
case("f-generator-length-error", "{{ xs | map('string') | length }}", U)
case("f-chain", "{{ s | lower | replace('world', 'there') | title | center(15) | trim }}", U)
case("f-count-dict", "{{ d | count }} {{ none | default('n') | upper }}", U)

# --- tests -----------------------------------------------------------------------------------------
case("t-types", "{{ 1 is number }} {{ 1.5 is number }} {{ true is number }} {{ 'a' is number }} {{ 'a' is string }} "
     "{{ d is mapping }} {{ xs is mapping }} {{ xs is sequence }} {{ 's' is sequence }} {{ d is sequence }} {{ 1 is sequence }} "
     "{{ xs is iterable }} {{ 1 is iterable }} {{ none is none }} {{ 0 is none }} {{ 1 is integer }} {{ 1.0 is float }} "
     "{{ true is boolean }} {{ true is true }} {{ 1 is true }} {{ false is false }}", U)
case("t-numbers", "{{ 3 is odd }} {{ 3 is even }} {{ 4 is even }} {{ 9 is divisibleby(3) }} {{ 10 is divisibleby 3 }} {{ 2.0 is even }}", U)
case("t-compare", "{{ 2 is eq 2 }} {{ 2 is ne 2 }} {{ 2 is lt 3 }} {{ 2 is gt 3 }} {{ 2 is le 2 }} {{ 2 is ge 3 }} "
     "{{ 2 is equalto 2 }} {{ 2 is greaterthan 1 }} {{ 1 is lessthan 0 }}", U)
case("t-operator-names-not-parsable", "{{ 2 is == 2 }}", U)
case("t-operator-names-in-select", "{{ [1, 2, 3] | select('==', 2) | list }} {{ [1, 2, 3] | reject('<', 2) | list }}", U)
case("t-in", "{{ 1 is in xs }} {{ 9 is in xs }} {{ 'a' is in 'cat' }} {{ 'b' is in d }}", U)
case("t-case", "{{ 'abc' is lower }} {{ 'Abc' is lower }} {{ 'ABC' is upper }} {{ '1' is upper }}", U)
case("t-not", "{{ n is not none }} {{ none is not none }} {{ missing is not defined }}", U)
case("t-sameas", "{{ none is sameas none }} {{ true is sameas true }} {{ 1 is sameas true }}", U)
case("t-odd-string-error", "{{ 'a' is odd }}", U)
case("t-defined-chain", "{{ npc.name is defined and npc.name | length > 3 }}", U)

# --- more statements, literals and globals -------------------------------------------------------
case("call-block-args", "{% macro ls(items) %}{% for i in items %}[{{ caller(i) }}]{% endfor %}{% endmacro %}"
     "{% call(x) ls(xs) %}<{{ x * 2 }}>{% endcall %}", U)
case("call-block-kwargs-macro", "{% macro m(a, b=2) %}{{ a }}{{ b }}:{{ caller() }}{% endmacro %}{% call m(1, b=3) %}c{% endcall %}", U)
case("filter-block", "{% filter upper %}hello {{ s }}{% endfilter %}|{% filter replace('a', 'b') | title %}aa bb{% endfilter %}", U)
case("print-tag", "{% print n + 1 %}|{% print 'a', 'b' %}", U)
case("with-shadow", "{% set x = 1 %}{% with x = x + 1 %}{{ x }}{% endwith %}{{ x }}", U)
case("namespace-init", "{% set ns = namespace(a=1, b='x') %}{% set ns.a = ns.a + 1 %}{{ ns.a }}{{ ns.b }}", U)
case("namespace-not-ns", "{% set d2 = {} %}{% set d2.a = 1 %}", U)
case("cycler-joiner", "{% set c = cycler('a', 'b') %}{{ c.next() }}{{ c.next() }}{{ c.next() }}"
     "{% set j = joiner(', ') %}{% for x in xs %}{{ j() }}{{ x }}{% endfor %}", U)
case("dict-global", "{{ dict(a=1, b=[2]) }} {{ dict() }}", U)
case("range-args", "{{ range(5) | list }} {{ range(1, 4) | list }} {{ range(10, 0, -3) | list }} {{ range(0) | list }} {{ range(3) | length }}", U)
case("int-literals", "{{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }} {{ 1e3 }} {{ 1.5e-3 }} {{ 007 if false else 0 }}", U)
case("string-escapes", "{{ '\\x41\\u00e9\\t|' }}{{ \"a\\\\b\" }}{{ 'it\\'s' }}{{ '\\q' }}", U)
case("loop-depth-length", "{% for a in [[1, 2], [3]] %}{% for b in a %}{{ loop.depth }}{{ loop.length }}{% endfor %}|{% endfor %}", U)
case("loop-in-else", "{% for x in [] %}{% else %}{{ loop is defined }}{% endfor %}", U)
case("nested-loop-outer-access", "{% for a in [1, 2] %}{% set outer = loop %}{% for b in [1, 2] %}{{ outer.index }}{{ loop.index }} {% endfor %}{% endfor %}", U)
case("macro-name-args", "{% macro m(a, b) %}{% endmacro %}{{ m.name }} {{ m.arguments }}", U)
case("macro-recursion", "{% macro fact(n) %}{{ 1 if n <= 1 else n * fact(n - 1) | int }}{% endmacro %}{{ fact(5) }}", U)
case("set-multiple-targets-error", "{% set a, b = [1] %}", U)
case("getattr-on-list-method", "{{ xs.count(1) }} {{ xs.index(2) }} {{ words.index('b') }}", U)
case("string-methods-more", "{{ 'a,b,,c'.split(',') }} {{ 'a b  c'.split(' ', 1) }} {{ '  x  '.lstrip() }}| {{ 'x'.center(5, '*') }} "
     "{{ 'abc'.endswith(('c', 'd')) }} {{ '42'.zfill(5) }} {{ 'Ab'.swapcase() }} {{ 'a\\nb'.splitlines() }} {{ 'hello'.find('l') }} "
     "{{ 'hello'.rfind('l') }} {{ 'x'.isdigit() }} {{ '12'.isdigit() }} {{ 'hello world'.title() }} {{ 'ab'.ljust(4, '.') }}|", U)
case("dict-get-default-none", "{{ d.get('zz') }} {{ d.get('a', 5) }} {{ d.copy() }}", U)
case("str-format-errors", "{{ '{0}{1}'.format('a') }}", U)
case("is-sequence-on-string", "{{ 'abc' is iterable }} {{ none is iterable }} {{ range(2) is iterable }}", U)
case("compare-chain-mixed", "{{ 1 < 2 > 0 }} {{ 1 == 1 == 1.0 }} {{ 'a' in 'abc' in 'xabcx' }}", U)
case("not-precedence", "{{ not 1 == 2 }} {{ not 'a' in 'abc' }} {{ (not 1) == 2 }}", U)
case("concat-precedence", "{{ 1 + 2 ~ 3 * 2 }} {{ 'a' ~ 1 + 2 }}", U)
case("filter-on-literal-list", "{{ [3, 1, 2] | sort | first }} {{ (1, 2) | list }} {{ {'a': 1} | list }}", U)
case("float-formatting", "{{ 1/3 }} {{ 2/3 }} {{ 10/4 }} {{ 1e100 }} {{ 1.5e-10 }} {{ 123456789012345678.0 }} {{ -0.0 }} {{ 1e22 }}", U)
case("int-overflow-boundary", "{{ 2 ** 62 }} {{ 9223372036854775807 }}", U)
case("sum-floats", "{{ [0.1, 0.2, 0.3] | sum }} {{ [1, 2.5] | sum }}", U)
case("round-negative-precision", "{{ 1234.5678 | round(-2) }} {{ 15 | round(-1) }} {{ 25 | round(-1) }}", U)
case("length-of-range-and-dict-items", "{{ d.items() | length }} {{ range(7) | count }}", U)
case("join-nested", "{{ [[1, 2], [3]] | join(';') }} {{ [none, true] | join }}", U)
case("default-on-none", "{{ none | default('x') }} {{ none | default('x', true) }} {{ false | d('y', true) }}", U)
case("tojson-special", "{{ [1.0, 1e16, -0.0, 'a\\u2028b'] | tojson }} {{ none | tojson }} {{ true | tojson }}", U)
case("first-last-dict", "{{ d | first }} {{ d | last }}", U)
case("truncate-unicode", "{{ 'héllo wörld ünïcode text' | truncate(12) }}", U)
case("wordcount-unicode", "{{ 'naïve café – test_1 42' | wordcount }}", U)
case("center-unicode", "[{{ 'é' | center(4) }}]", U)
case("indent-crlf-in-value", "{{ 'a\\r\\nb\\rc' | indent(2) }}", U)

case("f-groupby", "{% for g in rows | groupby('k') %}{{ g.grouper }}:{{ g.list | map(attribute='v') | list }};{% endfor %}"
     "|{{ rows | groupby('k') }}|{% for k, items in rows | groupby('v') %}{{ k }}={{ items | length }};{% endfor %}",
     {"rows": [{"k": "x", "v": 2}, {"k": "Y", "v": 1}, {"k": "X", "v": 3}, {"k": "y", "v": 2}]})
case("f-groupby-case-sensitive", "{{ rows | groupby('k', case_sensitive=true) | map('first') | list }}",
     {"rows": [{"k": "x"}, {"k": "Y"}, {"k": "X"}, {"k": "y"}]})
case("f-groupby-default", "{{ rows | groupby('k', default='none') | map('first') | list }}",
     {"rows": [{"k": "b"}, {}, {"k": "a"}]})
case("f-groupby-missing", "{{ rows | groupby('k') }}", {"rows": [{"k": "b"}, {}]})

case("f-filesizeformat", "{{ 1 | filesizeformat }} {{ 0 | filesizeformat }} {{ 999 | filesizeformat }} {{ 1000 | filesizeformat }} "
     "{{ 1500 | filesizeformat }} {{ 1536 | filesizeformat(true) }} {{ 123456789 | filesizeformat }} {{ '2048' | filesizeformat(binary=true) }} "
     "{{ 1e30 | filesizeformat }} {{ 12.7 | filesizeformat }} {{ -5 | filesizeformat }}", U)
case("f-urlencode", "{{ 'a b/c?d=é&' | urlencode }} {{ {'q': 'x y', 'n': 1, 'e': 'é/&'} | urlencode }} "
     "{{ [('a', 1), ('b c', 'd/e')] | urlencode }} {{ 42 | urlencode }} {{ '~_.-' | urlencode }}", U)

TREE = {"t": [{"n": "a", "c": [{"n": "b", "c": []}, {"n": "c", "c": [{"n": "d", "c": []}]}]}, {"n": "e", "c": []}]}
case("for-recursive", "{% for x in t recursive %}<{{ x.n }}{{ loop.depth }}{{ loop.depth0 }}{% if x.c %}[{{ loop(x.c) }}]{% endif %}>{% endfor %}", TREE)
case("for-recursive-else", "{% for x in t recursive %}<{{ x.n }}:{{ loop(x.c) }}>{% else %}E{% endfor %}", TREE)
case("for-recursive-filter", "{% for x in t if x.n != 'c' recursive %}{{ x.n }}{{ loop.index }}/{{ loop.length }}({{ loop(x.c) }}){% endfor %}", TREE)
case("for-recursive-whitespace", "{% for x in t recursive %}\n- {{ x.n }}{% if x.c %}{{ loop(x.c) | indent(2) }}{% endif %}{% endfor %}\n", TREE)
case("for-loop-call-not-recursive", "{% for x in t %}{{ loop(x.c) }}{% endfor %}", TREE)

MODS = {"m.j": "{% macro hi(n) %}Hi {{ n }}{{ suffix is defined }}{% endmacro %}{% set title = 'T' %}"
               "{% set _p = 1 %}{% macro box() %}[{{ caller() }}]{% endmacro %}body"}
case("import-as", "{% import 'm.j' as m %}{{ m.hi(1) }} {{ m.title }}", {"suffix": "!"}, files=MODS)
case("import-with-context", "{% import 'm.j' as m with context %}{{ m.hi(1) }}", {"suffix": "!"}, files=MODS)
case("from-import", "{% from 'm.j' import hi, title as t %}{{ hi(2) }}{{ t }}", {}, files=MODS)
case("from-import-missing-used", "{% from 'm.j' import nope %}{{ nope }}", {}, files=MODS)
case("from-import-missing-unused", "{% from 'm.j' import nope %}x", {}, files=MODS)
case("from-import-underscore", "{% from 'm.j' import _p %}x", {}, files=MODS)
case("import-missing-attribute", "{% import 'm.j' as m %}{{ m.nope }}", {}, files=MODS)
case("import-module-str", "{% import 'm.j' as m %}{{ m }}", {}, files=MODS)
case("import-caller-sees-context", "{% from 'm.j' import box %}{% call box() %}{{ suffix }}{% endcall %}", {"suffix": "!"}, files=MODS)
case("import-not-found", "{% import 'none.j' as m %}", {}, files=MODS)

BASES = {
    "base": "B1 {% block a %}base-a{% endblock %} B2 {% block b %}base-b {{ title }}{% endblock %} B3\n",
    "mid": "{% extends 'base' %}{% block a %}mid-a[{{ super() }}]{% endblock %}",
    "loopy": "{% for i in [1, 2] %}{% block item %}<{{ i is defined }}>{% endblock %}{% endfor %}",
    "loopy2": "{% for i in [1, 2] %}{% block item scoped %}<{{ i }}>{% endblock %}{% endfor %}",
    "req": "[{% block r required %}{% endblock %}]",
}
case("extends-basic", "pre {% extends 'base' %} post {% block b %}child-b {{ super() }}{% endblock %} tail", {"title": "T"}, files=BASES)
case("extends-two-levels", "{% extends 'mid' %}{% block a %}top({{ super() }}){% endblock %}", {"title": "T"}, files=BASES)
case("extends-set-visible-in-parent", "{% extends 'base' %}{% set title = 'SET' %}{% block b %}{{ title }}{% endblock %}", {}, files=BASES)
case("block-self", "{% block x %}X{% endblock %}|{{ self.x() }}", {}, files=BASES)
case("block-not-scoped", "{% extends 'loopy' %}", {}, files=BASES)
case("block-scoped", "{% extends 'loopy2' %}", {}, files=BASES)
case("block-defined-twice", "{% block a %}1{% endblock %}{% block a %}2{% endblock %}", {}, files=BASES)
case("extends-twice", "{% extends 'base' %}{% extends 'base' %}", {"title": "T"}, files=BASES)
case("block-super-missing", "{% block a %}{{ super() }}{% endblock %}", {}, files=BASES)
case("extends-nested-block-undefined-title", "{% extends 'base' %}{% block a %}{% block inner %}I{% endblock %}{% endblock %}", {}, files=BASES)
case("extends-conditional-false", "{% if false %}{% extends 'base' %}{% endif %}plain", {}, files=BASES)
case("block-no-loop", "{% extends 'base' %}{% block b %}{{ loop }}{% endblock %}", {}, files=BASES)
case("endblock-name", "{% block q %}Q{% endblock q %}ok", {}, files=BASES)
case("block-required-missing", "{% extends 'req' %}", {}, files=BASES)
case("block-required-given", "{% extends 'req' %}{% block r %}R{% endblock %}", {}, files=BASES)
case("extends-whitespace", "{% extends 'base' %}\n\n{% block a %}\nA\n{% endblock %}\n", {"title": "T"}, files=BASES)

# --- whitespace around block tags (no trim_blocks / lstrip_blocks) ----------------------------------
W = {"items": ["a", "b"], "t": True, "f": False}
for label, body in [
    ("for-lines", "{% for x in items %}\n{{ x }}\n{% endfor %}\n"),
    ("for-indented", "  {% for x in items %}\n    - {{ x }}\n  {% endfor %}\n"),
    ("for-minus-both", "{% for x in items -%}\n  {{ x }}\n{%- endfor %}\n"),
    ("for-minus-open", "list:\n  {%- for x in items %} {{ x }}{% endfor %}\n"),
    ("for-minus-all", "{%- for x in items -%}\n {{ x }} \n{%- endfor -%}\n!"),
    ("if-lines", "a\n{% if t %}\nT\n{% else %}\nF\n{% endif %}\nz\n"),
    ("if-false-lines", "a\n{% if f %}\nT\n{% endif %}\nz\n"),
    ("if-minus", "a\n{%- if t %}\nT\n{%- endif %}\nz\n"),
    ("if-minus-close", "a\n{% if t -%}\n   T\n{% endif -%}\n   z\n"),
    ("elif-minus", "{% if f -%} A {%- elif t -%} B {%- else -%} C {%- endif %}"),
    ("set-lines", "a\n{% set v = 1 %}\nb{{ v }}\n"),
    ("set-minus", "a\n{%- set v = 1 -%}\nb{{ v }}\n"),
    ("comment-lines", "a\n{# c #}\nb\n"),
    ("comment-minus", "a\n{#- c -#}\nb\n"),
    ("var-minus-tabs", "a\t \n{{- 'x' -}}\t\n b"),
    ("plus-open", "a\n    {%+ if t %}yes{% endif %}\n"),
    ("plus-close", "{% if t +%}\nyes{% endif %}\n"),
    ("raw-lines", "{% raw %}\n{{ x }}\n{% endraw %}\n"),
    ("unicode-space-strip", "a\u00a0\u2003{{- 'x' -}}\u3000b"),
    ("macro-lines", "{% macro m() %}\n  body\n{% endmacro %}\n[{{ m() }}]\n"),
    ("nested-for-if", "{% for x in items %}\n{% if loop.first %}\nfirst\n{% endif %}\n{{ x }}\n{% endfor %}\n"),
    ("trailing-newlines", "x\n\n\n"),
    ("only-newline", "\n"),
    ("empty", ""),
]:
    case("ws-" + label, body, W)

# --- free variables (compared as sets with jinja2.meta.find_undeclared_variables) -------------------
FREE = [
    ("fv-simple", "{{ a }} {{ b.c }} {{ d['e'] }}"),
    ("fv-set", "{% set x = y %}{{ x }}"),
    ("fv-for", "{% for i in items %}{{ i }}{{ loop.index }}{{ z }}{% endfor %}"),
    ("fv-for-else", "{% for i in items %}{% else %}{{ i }}{% endfor %}"),
    ("fv-macro", "{% macro m(p, q=r) %}{{ p }}{{ q }}{{ s }}{% endmacro %}{{ m(1) }}"),
    ("fv-filter-args", "{{ a | default(b) | join(c) }} {{ d is divisibleby e }}"),
    ("fv-with", "{% with w = v %}{{ w }}{{ u }}{% endwith %}{{ w }}"),
    ("fv-globals", "{{ range(3) }}{{ namespace() }}{{ dict(a=1) }}"),
    ("fv-nested-for", "{% for k, v in d.items() %}{% for x in v %}{{ k }}{{ x }}{{ y }}{% endfor %}{% endfor %}"),
    ("fv-set-block", "{% set b %}{{ inner }}{% endset %}{{ b }}"),
    ("fv-cond", "{{ a if b else c }}"),
]

if __name__ == "__main__":
    with open("jinja_cases.jsonl", "w", encoding="utf-8") as out:
        for c in CASES:
            env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                                     loader=jinja2.DictLoader(c["files"]))
            record = dict(c)
            try:
                record["output"] = env.from_string(c["template"]).render(**copy.deepcopy(c["context"]))
            except Exception as e:  # noqa: BLE001 - every Jinja failure is an expected outcome here
                record["error"] = {"type": type(e).__name__, "message": str(e)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    from jinja2 import meta
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    with open("free_variables.jsonl", "w", encoding="utf-8") as out:
        for name, template in FREE:
            undeclared = sorted(meta.find_undeclared_variables(env.parse(template)))
            out.write(json.dumps({"name": name, "template": template, "undeclared": undeclared}) + "\n")
    print(f"{len(CASES)} cases written to jinja_cases.jsonl")
