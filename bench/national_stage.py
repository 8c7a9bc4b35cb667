#!/usr/bin/env python3
"""Writes a national-scale scored stage into a Lumbung SQLite database, the way the app stores one:
a KIPP edition copied from the seeded KIPP 2023, one accepted proposal for each of the first N
innovations, 120 evaluators on the Tim Evaluasi panel, three submitted assessments per proposal
(each evaluator a leniency of their own, each proposal a quality of its own), and the stage
open for scoring so that the benchmark closes it through the web.

    python3 bench/national_stage.py DB [N]      (N = 3500; prints the stage's path)

The database must hold the imported innovations (bench/ranking-page.sh does that first).
"""
import json
import random
import sqlite3
import sys
import time

SEED = 20261202
EVALUATORS = 120
PER_PROPOSAL = 3


def main():
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3500
    rng = random.Random(SEED)
    now = time.time()
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    cur = db.cursor()

    (definition,) = cur.execute("SELECT definition FROM competitions WHERE name = 'KIPP 2023'").fetchone()
    parsed = json.loads(definition)
    criteria = parsed["criteria"]
    categories = [c["key"] for c in parsed["categories"]]
    cur.execute("INSERT INTO competitions (name, year, organiser, registration_opens_at, registration_closes_at, definition, "
                "created_at, updated_at) VALUES (?, 2026, 'nationalKIPP', ?, ?, ?, ?, ?)",
                ("KIPP Nasional 2026 (skala nasional)", now - 90 * 86400, now - 60 * 86400, definition, now, now))
    competition = cur.lastrowid

    innovations = cur.execute("SELECT id, agency_id FROM innovations ORDER BY id LIMIT ?", (count,)).fetchall()
    if len(innovations) < count:
        sys.exit(f"the database holds {len(innovations)} innovations, {count} are needed")
    proposals = []
    for innovation, agency in innovations:
        cur.execute("INSERT INTO proposals (competition_id, innovation_id, agency_id, group_key, category_key, sections, video_url, "
                    "sdgs, status, submitted_at, created_at, updated_at) VALUES (?, ?, ?, 'umum', ?, ?, '', '[16]', 'accepted', ?, ?, ?)",
                    (competition, innovation, agency, rng.choice(categories),
                     json.dumps({"ringkasan": "Ringkasan usulan inovasi untuk penilaian tingkat nasional."}), now - 70 * 86400, now, now))
        proposals.append(cur.lastrowid)

    rules = {"basis": "calibrated", "criterionRangeShare": 0.4, "cutoffTies": "applyKey", "evaluatorsPerProposal": PER_PROPOSAL,
             "lambda": 2, "lotterySeed": "kipp-nasional-2026",
             "quotas": [{"caps": {}, "defaultCap": 3, "floors": {}, "key": "instansi"}],
             "selection": {"top": {"_0": 99}}, "totalRange": 20}
    cur.execute("INSERT INTO evaluation_stages (competition_id, stage_key, status, rules, award_tier_key, assignment_seed, opened_at, "
                "is_public, created_at, updated_at) VALUES (?, 'tim-evaluasi', 'scoring', ?, 'top-99', 1, ?, 0, ?, ?)",
                (competition, json.dumps(rules), now - 30 * 86400, now, now))
    stage = cur.lastrowid

    (password_hash,) = cur.execute("SELECT password_hash FROM users WHERE role = 'admin' LIMIT 1").fetchone()
    evaluators = []
    for index in range(EVALUATORS):
        cur.execute("INSERT INTO users (email, name, password_hash, role, is_active, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'evaluator', 1, ?, ?)",
                    (f"penilai-nasional-{index + 1:03d}@lumbung.example", f"Penilai Nasional {index + 1:03d}", password_hash, now, now))
        user = cur.lastrowid
        cur.execute("INSERT INTO panel_members (stage_id, user_id, team, affiliation_kind, affiliation, expertise, is_active, created_at) "
                    "VALUES (?, ?, 'timEvaluasi', 'university', 'Perguruan tinggi', ?, 1, ?)",
                    (stage, user, json.dumps(rng.sample(categories, 1)), now))
        evaluators.append((user, rng.gauss(0, 0.8)))

    for proposal in proposals:
        cur.execute("INSERT INTO stage_entries (stage_id, proposal_id, decision, override_reason) VALUES (?, ?, 'pending', '')",
                    (stage, proposal))
    # A balanced rotation: every evaluator scores 3,500 × 3 / 120 = 87 or 88 proposals.
    for position, proposal in enumerate(proposals):
        quality = rng.gauss(7, 1.2)
        for slot in range(PER_PROPOSAL):
            user, leniency = evaluators[(position + slot * 41) % EVALUATORS]
            scores = {c["key"]: max(c["scaleMin"], min(c["scaleMax"], round(quality + leniency + rng.gauss(0, 0.7)))) for c in criteria}
            cur.execute("INSERT INTO assessments (stage_id, proposal_id, evaluator_id, status, scores, comments, is_manual, started_at, "
                        "submitted_at, reopen_count, created_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?, 0, ?, ?, 0, ?, ?)",
                        (stage, proposal, user, json.dumps(scores, sort_keys=True),
                         json.dumps({"general": "Data capaian perlu dilengkapi."}), now - 20 * 86400, now - 10 * 86400, now, now))
    db.commit()
    print(f"/competitions/{competition}/stages/tim-evaluasi")


if __name__ == "__main__":
    main()
