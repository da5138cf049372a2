#!/usr/bin/env python3
"""Renders the prompt templates of the three demo pipelines in ../shared/octobatch-pipelines with the
real Jinja2, configured as the Python Octobatch configures it (octobatch_step.py), for contexts built
from each pipeline's units, and writes demo_renders.jsonl.

Each line: {"pipeline", "template" (path relative to the pipeline folder), "context", "output"}. The
Swift test reads the template from ../shared (skipping when it is absent) and compares byte for byte.
Contexts are the unit fields (plus, for one case per template, the whole config flattened as
Octobatch does), so the fixture holds no copy of the templates themselves.

Run from this folder: python3 make_demo_renders.py
"""
import json
import os
import random

import jinja2
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "../../../../shared"))
PIPELINES = os.path.join(SHARED, "octobatch-pipelines")
GOLDEN = os.path.join(SHARED, "testdata/octobatch-golden")


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def octobatch_context(unit, config):
    """octobatch_step.py: unit fields, then `config`, then top-level config keys not present, then
    prompts.global_context (which overrides)."""
    context = dict(unit)
    context["config"] = config
    for key, value in config.items():
        context.setdefault(key, value)
    context.update((config.get("prompts") or {}).get("global_context") or {})
    return context


def render(pipeline, template, context):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(PIPELINES, pipeline, "templates")),
                             autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.get_template(template).render(**context)


def main():
    records = []

    def add(pipeline, template, unit, config=None):
        context = octobatch_context(unit, config) if config is not None else unit
        records.append({"pipeline": pipeline, "template": "templates/" + template, "context": context,
                        "output": render(pipeline, template, context)})

    # Drunken Sailor: the golden units after the random_walk expression step.
    ds_config = load_yaml(os.path.join(PIPELINES, "DrunkenSailor/config.yaml"))
    with open(os.path.join(GOLDEN, "drunken_sailor_random_walk_validated.jsonl"), encoding="utf-8") as f:
        walks = [json.loads(line) for line in f][:12]
    for i, unit in enumerate(walks):
        add("DrunkenSailor", "analyze.jinja2", unit, ds_config if i == 0 else None)

    # Blackjack: strategy fields plus dealt cards (as deal_cards deals them), then an action log.
    bj_config = load_yaml(os.path.join(PIPELINES, "Blackjack/config.yaml"))
    strategies = load_yaml(os.path.join(PIPELINES, "Blackjack/items.yaml"))["strategies"]
    rng = random.Random(20261121)
    shoe = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"] * 24
    n = 0
    for strategy in strategies:
        for rep in range(4):
            dealt = rng.sample(shoe, 14)
            unit = {"unit_id": f"{strategy['id']}__rep{rep:04d}", **strategy, "_repetition_id": rep,
                    "_repetition_seed": 1000 + n, "player_card_1": dealt[0], "player_card_2": dealt[1],
                    "dealer_up_card": dealt[2], "dealer_hole_card": dealt[3], "player_extra_cards": dealt[4:9],
                    "dealer_extra_cards": dealt[9:14]}
            add("Blackjack", "play_hand.jinja2", unit, bj_config if n == 0 else None)
            hand = dict(unit)
            hand.update({"action_log": [f"Player initial hand: [{dealt[0]}, {dealt[1]}], total 12",
                                        f"Hit: drew {dealt[4]} (12+3=15), total now 15",
                                        "Dealer reveals: 10 + 7 = 17", "RESULT: Player 15 vs Dealer 17 \u2192 dealer_wins"][: rep + 1],
                         "first_action": ["hit", "stand", "double_down", "hit"][rep],
                         "result": ["dealer_wins", "player_wins", "push", "dealer_wins"][rep],
                         "player_initial_total": 12 + rep, "player_final_total": 15 + rep,
                         "dealer_final_total": 17, "player_busted": False, "dealer_busted": rep == 1,
                         "player_cards_used": dealt[:2], "dealer_cards_used": dealt[2:4]})
            if rep == 3:
                hand["action_log"] = []
            add("Blackjack", "analyze_difficulty.jinja2", hand, bj_config if n == 0 else None)
            n += 1

    # NPC Dialog: cross_product units {unit_id, npc, mood, topic}, then the LLM fields for scoring.
    npc_config = load_yaml(os.path.join(PIPELINES, "NPCDialog/config.yaml"))
    items = load_yaml(os.path.join(PIPELINES, "NPCDialog/items.yaml"))
    k = 0
    for npc in items["personalities"][:3]:
        for mood in items["moods"][:2]:
            for topic in items["topics"][:2]:
                unit = {"unit_id": f"{npc['id']}__{mood['id']}__{topic['id']}", "npc": npc, "mood": mood, "topic": topic}
                add("NPCDialog", "generate_dialog.jinja2", unit, npc_config if k == 0 else None)
                scored = dict(unit)
                scored.update({"greeting": f"What d'you want? ({k})", "player_response_hint": "Be brief.",
                               "tone": ["cold", "warm", "nervous", "mysterious"][k % 4],
                               "dialog": "NPC: Hm.\nPlayer: Hello!\nNPC: \"Busy.\" \u2014 {braces} & <tags>\nPlayer: Fine."})
                add("NPCDialog", "score_consistency.jinja2", scored, npc_config if k == 0 else None)
                k += 1

    with open(os.path.join(HERE, "demo_renders.jsonl"), "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} renders written to demo_renders.jsonl")


if __name__ == "__main__":
    main()
