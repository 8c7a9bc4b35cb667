#!/usr/bin/env python3
"""Writes N varied catalogue queries (single words and pairs) drawn from the generator's
vocabulary, URL-encoded, one per line, for bench/varied.lua.

    python3 bench/queries.py 300 > bench/data/queries.txt
"""
import random
import sys
import urllib.parse

import generate

words = sorted(set(" ".join(generate.SUBJECTS + generate.OBJECTS + generate.VERBS + generate.PLACES + generate.FILLER).split()))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
rng = random.Random(20261201)
seen = []
while len(seen) < count:
    query = rng.choice(words) if rng.random() < 0.5 else f"{rng.choice(words)} {rng.choice(words)}"
    if query not in seen:
        seen.append(query)
for query in seen:
    print(urllib.parse.quote_plus(query))
