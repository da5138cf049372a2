#!/usr/bin/env python3
"""Generates blackjack.json: Blackjack's expression steps (deal_cards, verify_hand, verify_strategy from
../shared/octobatch-pipelines/Blackjack/config.yaml) evaluated by CPython 3.11 on hand-made units, the way
the Python tool's expression steps evaluate them (in order, each result visible to the next, one
random.Random(seed) per unit, output = {**unit, **results, _metadata}).

Run from this folder: python3 generate_blackjack.py > blackjack.json
"""
import hashlib, json, random, sys
import yaml

CONFIG = "../../../../shared/octobatch-pipelines/Blackjack/config.yaml"
HIDDEN = {"_metadata", "_raw_text", "_repetition_seed"}


def seed_for(unit, step):
    if "_repetition_seed" in unit:
        return unit["_repetition_seed"]
    return int(hashlib.sha256((unit["unit_id"] + step).encode()).hexdigest(), 16) & 0x7FFFFFFF


def run_step(step, unit):
    rng = random.Random(seed_for(unit, step["name"]))
    ns = {k: v for k, v in unit.items() if k not in HIDDEN}
    ns.update({"random": rng, "__builtins__": __builtins__})
    results = {}
    for name, expr in step["expressions"].items():
        value = eval(expr, ns)
        ns[name] = value
        results[name] = value
    out = {**unit, **results}
    meta = dict(out.get("_metadata", {}))
    meta["expression_step"] = step["name"]
    out["_metadata"] = meta
    return out


def hand(uid, strategy, p1, p2, up, hole, used_p, used_d, first, p_total, d_total, p_bust, d_bust, result):
    return {"unit_id": uid, "strategy_name": strategy, "player_card_1": p1, "player_card_2": p2,
            "dealer_up_card": up, "dealer_hole_card": hole, "player_cards_used": used_p,
            "dealer_cards_used": used_d, "first_action": first, "player_initial_total": None,
            "player_final_total": p_total, "dealer_final_total": d_total, "player_busted": p_bust,
            "dealer_busted": d_bust, "result": result, "_metadata": {"model": "mock"}}


def main():
    with open(CONFIG) as f:
        config = yaml.safe_load(f)
    steps = {s["name"]: s for s in config["pipeline"]["steps"]}
    deal_units = [{"unit_id": f"the_pro__rep{i:04d}", "strategy_name": "The Pro", "_repetition_id": i,
                   "_repetition_seed": 1523599025 + i} for i in range(5)]
    deal_units.append({"unit_id": "no_seed_unit", "strategy_name": "The Coward"})
    hands = [
        hand("h1", "The Pro", "A", "7", "9", "5", ["A", "7"], ["9", "5", "K"], "hit", 18, 24, False, True, "player_wins"),
        hand("h2", "The Coward", "10", "6", "7", "K", ["10", "6"], ["7", "K"], "stand", 16, 17, False, False, "dealer_wins"),
        hand("h3", "The Gambler", "5", "6", "4", "2", ["5", "6", "J"], ["4", "2", "10", "3"], "double_down", 21, 19, False, False, "player_wins"),
        hand("h4", "The Pro", "K", "Q", "A", "9", ["K", "Q"], ["A", "9"], "stand", 20, 20, False, False, "push"),
        hand("h5", "The Gambler", "9", "8", "10", "6", ["9", "8", "5"], ["10", "6"], "hit", 22, 16, True, False, "dealer_wins"),
        hand("h6", "The Pro", "8", "4", "3", "J", ["8", "4"], ["3", "J", "9"], "hit", 12, 22, False, True, "player_wins"),
        hand("h7", "The Coward", "A", "A", "6", "A", ["A", "A", "9"], ["6", "A"], "hit", 21, 17, False, False, "push"),
        hand("h8", "The Pro", "A", "6", "2", "2", ["A", "6"], ["2", "2", "A"], "stand", 17, 15, False, False, "player_wins"),
    ]
    for h in hands:
        vals = {'A': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9, '10': 10, 'J': 10, 'Q': 10, 'K': 10}
        s = vals[h["player_card_1"]] + vals[h["player_card_2"]]
        h["player_initial_total"] = s + 10 if "A" in (h["player_card_1"], h["player_card_2"]) and s + 10 <= 21 else s
    cases = []
    for u in deal_units:
        cases.append({"step": "deal_cards", "unit": u, "output": json.dumps(run_step(steps["deal_cards"], u))})
    for h in hands:
        for name in ("verify_hand", "verify_strategy"):
            cases.append({"step": name, "unit": h, "output": json.dumps(run_step(steps[name], h))})
    out = {"steps": {n: list(steps[n]["expressions"].items()) for n in ("deal_cards", "verify_hand", "verify_strategy")},
           "cases": cases}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


main()
