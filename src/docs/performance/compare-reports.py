#!/usr/bin/env python3
"""Appends to a bench report the previous report's figures beside this run's, statement by statement.

Usage: compare-reports.py PREVIOUS.json CURRENT.json >> CURRENT.md
Statistics variants (.30d, .quarter, .job) that the previous report drew inside one row per panel are listed
under that panel's previous figures.
"""
import json
import sys

prev = json.load(open(sys.argv[1]))
now = json.load(open(sys.argv[2]))
P = {(s['name'], s['subject']): s for s in prev['statements']}


def f(x):
    if x is None:
        return '–'
    return f"{x:,.2f}" if x < 10 else f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def base(name):
    for v in ('.30d', '.quarter', '.job'):
        if name.startswith('stats.') and name.endswith(v):
            return name[:-len(v)]
    return name


print("\n## This run beside the previous report\n")
print(f"Previous: {prev['generated_at']} (`{prev['command']}`); this run: {now['generated_at']} "
      f"(`{now['command']}`). p95 in ms; the ratio is previous / now (above 1: faster now). A statistics variant "
      f"row shows the previous report's one row for its panel, which drew the variants at random.\n")
print("| statement | subject | previous p95 | p95 | ratio | platform's way p95 (now) |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for s in now['statements']:
    p = P.get((s['name'], s['subject'])) or P.get((base(s['name']), s['subject']))
    pv = p['p95_ms'] if p else None
    ratio = f"{pv / s['p95_ms']:,.1f}×" if pv and s['p95_ms'] else '–'
    print(f"| {s['name']} | {s['subject']} | {f(pv)} | {f(s['p95_ms'])} | {ratio} | {f(s.get('baseline_p95_ms'))} |")
