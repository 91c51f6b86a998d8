//! Intake, versioned eligibility rules and the enrollment lottery, on both databases.

use chrono::NaiveDate;
use sendero_domain::eligibility::{Rule, PHASE_1_RULE, PHASE_3_RULE};
use sendero_domain::intake::{CandidateDraft, CandidateInput};
use sendero_domain::lottery::{draw, Group, Strata};
use sendero_domain::ProgramKind;
use sendero_store::intake::Origin;
use sendero_store::lottery::{FollowUp, SeedSource, StratumCapacity};
use sendero_store::{Actor, Store, StoreError};

use crate::support::{count, exec, story, world};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn candidate(given: &str, answers: &[(&str, &str)]) -> CandidateDraft {
    CandidateDraft::parse(&CandidateInput {
        given_names: given.into(),
        family_names: "Test".into(),
        language: "es".into(),
        referral_source: "walk_in".into(),
        referral_detail: "Bronx office".into(),
        interested: true,
        consent_contact: true,
        contact: "+1 212 555 0100".into(),
        screening: answers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
    })
    .unwrap()
}

const IN_ISAP: &[(&str, &str)] = &[("in_removal_proceedings", "yes"), ("enrolled_in_isap", "yes")];
const DHS_ONLY: &[(&str, &str)] = &[("in_removal_proceedings", "yes"), ("processed_by_dhs", "yes")];

async fn pilot(store: &Store, actor: Actor) -> i64 {
    store.create_program(actor, "ATD pilot", ProgramKind::Destination, Some(700)).await.unwrap()
}

async fn rule_versions_keep_past_decisions(store: &Store) {
    let w = world(store).await;
    let program = pilot(store, w.actor).await;
    store.save_rule(w.actor, program, "Phase 1", PHASE_1_RULE, day("2026-01-01")).await.unwrap().unwrap();
    let dhs = store.create_candidate(w.actor, program, None, &candidate("Darwin", DHS_ONLY), Origin::Staff, None).await.unwrap();
    let isap = store.create_candidate(w.actor, program, None, &candidate("Rosa", IN_ISAP), Origin::Staff, None).await.unwrap();

    let first = store.decide_eligibility(w.actor, dhs, day("2026-03-01")).await.unwrap();
    assert!(!first.eligible);
    assert_eq!(first.rule_version, 1);
    assert_eq!(first.deciding_clause, "enrolled_in_isap || recently_in_isap");
    assert_eq!(first.inputs["processed_by_dhs"], serde_json::json!(true));
    assert!(store.decide_eligibility(w.actor, isap, day("2026-03-01")).await.unwrap().eligible);

    // What-if under the phase 3 draft: Darwin becomes eligible, Rosa stays.
    let whatif = store.what_if(w.org, program, &Rule::parse(PHASE_3_RULE).unwrap()).await.unwrap();
    assert_eq!(whatif.newly_eligible.iter().map(|c| c.id).collect::<Vec<_>>(), vec![dhs]);
    assert!(whatif.newly_ineligible.is_empty());
    assert_eq!(whatif.unchanged_eligible, 1);

    store.save_rule(w.actor, program, "Phase 3", PHASE_3_RULE, day("2026-06-01")).await.unwrap().unwrap();
    // Before phase 3 takes effect the phase 1 rule still applies.
    assert_eq!(store.rule_in_effect(w.org, program, day("2026-05-31")).await.unwrap().unwrap().version, 1);
    let second = store.decide_eligibility(w.actor, dhs, day("2026-07-01")).await.unwrap();
    assert!(second.eligible);
    assert_eq!(second.rule_version, 2);

    let history = store.decisions(w.org, dhs).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[0].rule_version, history[0].eligible, history[0].deciding_clause.as_str()), (1, false, "enrolled_in_isap || recently_in_isap"));
    assert_eq!(store.candidate(w.org, dhs).await.unwrap().eligible, Some(true));
    // The database refuses to rewrite a decision or a rule version.
    assert!(exec(store, "UPDATE eligibility_decisions SET eligible = 1 WHERE id = ?", &[first.id]).await.is_err());
    assert!(exec(store, "DELETE FROM eligibility_decisions WHERE id = ?", &[first.id]).await.is_err());
    assert!(exec(store, "UPDATE eligibility_rules SET version = 9 WHERE program_id = ?", &[program]).await.is_err());
    // Another organization sees none of it.
    assert!(matches!(store.candidate(w.other_org, dhs).await, Err(StoreError::NotFound)));
}
story!(rule_versions_keep_past_decisions);

async fn bad_rules_are_refused_with_a_position(store: &Store) {
    let w = world(store).await;
    let program = pilot(store, w.actor).await;
    let err = store.save_rule(w.actor, program, "Typo", "in_removal_proceedings && enroled_in_isap", day("2026-01-01")).await.unwrap().unwrap_err();
    assert_eq!((err.line, err.column), (1, 27));
    assert!(err.message.contains("enroled_in_isap"));
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM eligibility_rules WHERE program_id = ?", &[program]).await, 0);
    let c = store.create_candidate(w.actor, program, None, &candidate("Ana", IN_ISAP), Origin::Staff, None).await.unwrap();
    assert!(matches!(store.decide_eligibility(w.actor, c, day("2026-02-01")).await, Err(StoreError::Refused("eligibility-error-no-rule"))));
}
story!(bad_rules_are_refused_with_a_position);

/// Twelve candidates with fixed tokens at two sites: the same inputs give this exact draw on
/// SQLite and PostgreSQL (the expected order is a constant, so both backends must reach it).
async fn draw_is_deterministic_verifiable_and_immutable(store: &Store) {
    let w = world(store).await;
    let program = pilot(store, w.actor).await;
    let bronx = store.create_site(w.actor, "Bronx", Some("New York")).await.unwrap();
    let houston = store.create_site(w.actor, "Houston", Some("Houston")).await.unwrap();
    store.save_rule(w.actor, program, "Phase 3", PHASE_3_RULE, day("2026-01-01")).await.unwrap().unwrap();
    for i in 0..12 {
        let site = if i % 2 == 0 { bronx } else { houston };
        let answers = if i % 3 == 0 { DHS_ONLY } else { IN_ISAP };
        let token = format!("C-TEST{i:04}");
        store.create_candidate(w.actor, program, Some(site), &candidate(&format!("P{i}"), answers), Origin::Staff, Some(&token)).await.unwrap();
    }
    // One not interested: never in the pool.
    let mut shy = candidate("Shy", IN_ISAP);
    shy.interested = false;
    store.create_candidate(w.actor, program, Some(bronx), &shy, Origin::Staff, Some("C-SHY0000")).await.unwrap();
    assert_eq!(store.decide_program(w.actor, program, day("2026-02-01")).await.unwrap(), 13);

    let pool = store.lottery_pool(w.org, program, Strata::Site).await.unwrap();
    assert_eq!(pool.iter().map(|(s, c)| (s.as_str(), c.len())).collect::<Vec<_>>(), vec![("site Bronx", 6), ("site Houston", 6)]);
    let caps = vec![
        StratumCapacity { name: "site Bronx".into(), capacity: 2, comparison_size: 2 },
        StratumCapacity { name: "site Houston".into(), capacity: 3, comparison_size: 1 },
    ];
    assert!(matches!(
        store.open_round(w.actor, program, "R1", SeedSource::Seed("short".into()), Strata::Site, &caps).await,
        Err(StoreError::Refused("lottery-error-seed-short"))
    ));
    assert!(matches!(
        store.open_round(w.actor, program, "R1", SeedSource::Seed("atd-pilot-2026-11".into()), Strata::Site, &caps[..1]).await,
        Err(StoreError::Refused("lottery-error-capacity-missing"))
    ));
    let round = store.open_round(w.actor, program, "Round 1", SeedSource::Seed("atd-pilot-2026-11".into()), Strata::Site, &caps).await.unwrap();
    assert_eq!(round, 1, "fresh databases number the first round 1 on both backends");
    let inputs = store.published_inputs(w.org, round).await.unwrap();
    assert_eq!(inputs.strata.iter().map(|s| s.candidates.len()).sum::<usize>(), 12);

    let outcome = store.draw_round(w.actor, round).await.unwrap();
    assert!(outcome.everyone_selected.is_empty());
    assert_eq!(outcome, draw(&inputs));
    let results = store.round_results(w.org, round).await.unwrap();
    let order: Vec<(&str, &str)> = results.iter().map(|r| (r.public_token.as_str(), r.group.as_str())).collect();
    assert_eq!(order, EXPECTED_ORDER.to_vec());

    // Re-drawing is impossible; results cannot be changed or deleted.
    assert!(matches!(store.draw_round(w.actor, round).await, Err(StoreError::Refused("lottery-error-already-drawn"))));
    assert!(exec(store, "UPDATE lottery_results SET assignment = 'selected' WHERE round_id = ?", &[round]).await.is_err());
    assert!(exec(store, "DELETE FROM lottery_results WHERE round_id = ?", &[round]).await.is_err());
    assert!(store.verify_round(w.org, round).await.unwrap().ok());

    // The independent Python verifier re-derives the same draw from the exported JSON.
    let export = store.export_round(w.org, round).await.unwrap();
    let dir = std::env::temp_dir().join(format!("sendero-lottery-{}-{:?}", std::process::id(), store.dialect()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("round.json");
    std::fs::write(&file, serde_json::to_string_pretty(&export).unwrap()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/lottery_verify.py");
    let out = std::process::Command::new("python3").arg(script).arg(&file).arg("--json").output().expect("python3 runs");
    assert!(out.status.success(), "verifier failed: {}", String::from_utf8_lossy(&out.stderr));
    let derived: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut python: Vec<(String, String, i64, String)> = derived["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["stratum"].as_str().unwrap().to_owned(),
                a["token"].as_str().unwrap().to_owned(),
                a["rank"].as_i64().unwrap(),
                a["draw_key"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    python.sort();
    let mut rust: Vec<(String, String, i64, String)> =
        results.iter().map(|r| (r.stratum.clone(), r.public_token.clone(), r.rank, r.draw_key.clone())).collect();
    rust.sort();
    assert_eq!(python, rust);
    // A tampered export is caught by the verifier.
    let mut tampered = export.clone();
    tampered["results"][0]["group"] = serde_json::json!("waitlist");
    std::fs::write(&file, serde_json::to_string(&tampered).unwrap()).unwrap();
    let out = std::process::Command::new("python3").arg(script).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();

    // Selected become clients with an open case; comparison and wait-list do not.
    assert_eq!(store.enroll_selected(w.actor, round).await.unwrap(), 5);
    assert_eq!(store.enroll_selected(w.actor, round).await.unwrap(), 0, "enrolling again does nothing");
    let results = store.round_results(w.org, round).await.unwrap();
    for r in &results {
        assert_eq!(r.case_id.is_some(), r.group == Group::Selected, "{r:?}");
    }
    let progress = store.enrollment_progress(w.org, program).await.unwrap();
    assert_eq!(progress.iter().map(|p| p.enrolled).collect::<Vec<_>>(), vec![2, 3]);
    // Everyone entered is out of the next pool.
    assert!(store.lottery_pool(w.org, program, Strata::Site).await.unwrap().is_empty());
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
}
story!(draw_is_deterministic_verifiable_and_immutable);

/// The draw of `draw_is_deterministic_verifiable_and_immutable` (stratum, then rank order),
/// computed independently with Python's hmac module from the spec in docs/lottery.md.
const EXPECTED_ORDER: [(&str, &str); 12] = [
    ("C-TEST0008", "selected"),
    ("C-TEST0010", "selected"),
    ("C-TEST0006", "comparison"),
    ("C-TEST0004", "comparison"),
    ("C-TEST0000", "waitlist"),
    ("C-TEST0002", "waitlist"),
    ("C-TEST0001", "selected"),
    ("C-TEST0003", "selected"),
    ("C-TEST0011", "selected"),
    ("C-TEST0007", "comparison"),
    ("C-TEST0009", "waitlist"),
    ("C-TEST0005", "waitlist"),
];

async fn capacity_above_pool_enrolls_everyone(store: &Store) {
    let w = world(store).await;
    let program = pilot(store, w.actor).await;
    store.save_rule(w.actor, program, "Phase 1", PHASE_1_RULE, day("2026-01-01")).await.unwrap().unwrap();
    for i in 0..3 {
        let c = store.create_candidate(w.actor, program, None, &candidate(&format!("Q{i}"), IN_ISAP), Origin::Staff, None).await.unwrap();
        store.decide_eligibility(w.actor, c, day("2026-02-01")).await.unwrap();
    }
    let caps = [StratumCapacity { name: "all".into(), capacity: 10, comparison_size: 2 }];
    let round = store
        .open_round(w.actor, program, "Small", SeedSource::PublicValue("NY Lotto 2026-11-25 04 11 23 38 41 52".into()), Strata::None, &caps)
        .await
        .unwrap();
    let outcome = store.draw_round(w.actor, round).await.unwrap();
    assert_eq!(outcome.everyone_selected, vec!["all".to_owned()]);
    assert!(outcome.assignments.iter().all(|a| a.group == Group::Selected));
    assert!(store.round(w.org, round).await.unwrap().public_value.is_some());
    assert!(store.verify_round(w.org, round).await.unwrap().ok());
}
story!(capacity_above_pool_enrolls_everyone);

async fn evaluation_rows_are_de_identified_with_outcomes(store: &Store) {
    let w = world(store).await;
    let program = pilot(store, w.actor).await;
    store.save_rule(w.actor, program, "Phase 1", PHASE_1_RULE, day("2026-01-01")).await.unwrap().unwrap();
    for i in 0..8 {
        let c = store.create_candidate(w.actor, program, None, &candidate(&format!("Maria{i}"), IN_ISAP), Origin::Staff, None).await.unwrap();
        store.decide_eligibility(w.actor, c, day("2026-02-01")).await.unwrap();
    }
    let caps = [StratumCapacity { name: "all".into(), capacity: 3, comparison_size: 3 }];
    let round = store.open_round(w.actor, program, "Eval", SeedSource::Seed("evaluation-seed-1".into()), Strata::None, &caps).await.unwrap();
    assert!(matches!(store.evaluation_rows(w.org, round).await, Err(StoreError::Refused("lottery-error-not-drawn"))));
    store.draw_round(w.actor, round).await.unwrap();
    let results = store.round_results(w.org, round).await.unwrap();
    let waitlisted = results.iter().find(|r| r.group == Group::Waitlist).unwrap();
    assert!(matches!(
        store.record_followup(w.actor, round, waitlisted.candidate_id, &FollowUp::default()).await,
        Err(StoreError::Refused("lottery-error-followup-waitlist"))
    ));
    let first = results.iter().find(|r| r.group == Group::Selected).unwrap();
    let bad = FollowUp { hearings_scheduled: 1, hearings_attended: 2, ..Default::default() };
    assert!(matches!(store.record_followup(w.actor, round, first.candidate_id, &bad).await, Err(StoreError::Refused("lottery-error-followup-counts"))));
    let good = FollowUp { hearings_scheduled: 2, hearings_attended: 2, services_received: 5, assessment_pre: Some(30), assessment_post: Some(41) };
    store.record_followup(w.actor, round, first.candidate_id, &good).await.unwrap();
    let corrected = FollowUp { services_received: 6, ..good.clone() };
    store.record_followup(w.actor, round, first.candidate_id, &corrected).await.unwrap();

    let rows = store.evaluation_rows(w.org, round).await.unwrap();
    assert_eq!(rows.len(), 6, "selected and comparison, not the wait-list");
    assert_eq!(rows.iter().filter(|r| r.treatment).count(), 3);
    let followed: Vec<_> = rows.iter().filter(|r| r.followed_up).collect();
    assert_eq!(followed.len(), 1);
    assert_eq!(followed[0].outcome, corrected);
    let text = serde_json::to_string(&rows).unwrap();
    assert!(!text.contains("Maria") && !text.contains("C-"), "no names or public tokens: {text}");
    assert!(matches!(store.evaluation_rows(w.other_org, round).await, Err(StoreError::NotFound)));
}
story!(evaluation_rows_are_de_identified_with_outcomes);

async fn public_form_is_rate_limited_per_address(store: &Store) {
    for _ in 0..3 {
        assert!(store.public_form_allowed("203.0.113.7", "self_referral", 3).await.unwrap());
    }
    assert!(!store.public_form_allowed("203.0.113.7", "self_referral", 3).await.unwrap());
    assert!(store.public_form_allowed("203.0.113.8", "self_referral", 3).await.unwrap());
}
story!(public_form_is_rate_limited_per_address);

async fn demo_has_a_verifiable_pilot_round(store: &Store) {
    assert!(store.seed_demo().await.unwrap());
    let lead = store.all_organizations().await.unwrap()[0].id;
    let rounds = store.rounds(lead).await.unwrap();
    assert_eq!(rounds.len(), 1);
    let round = &rounds[0];
    assert!(round.is_drawn() && round.public_value.is_some());
    assert!(store.verify_round(lead, round.id).await.unwrap().ok());
    let results = store.round_results(lead, round.id).await.unwrap();
    for g in [Group::Selected, Group::Comparison, Group::Waitlist] {
        assert!(results.iter().any(|r| r.group == g), "demo round has {g:?}");
    }
    assert!(results.iter().filter(|r| r.group == Group::Selected).all(|r| r.case_id.is_some()));
    let rules = store.rules(lead, round.program_id).await.unwrap();
    assert_eq!(rules.iter().map(|r| r.version).collect::<Vec<_>>(), vec![2, 1]);
    // Phase 1 decisions are still on record next to the phase 3 ones.
    assert!(
        count(store, "SELECT COUNT(*) AS n FROM eligibility_decisions d JOIN eligibility_rules r ON r.id = d.rule_id WHERE r.version = 1", &[]).await >= 15
    );
    let rows = store.evaluation_rows(lead, round.id).await.unwrap();
    let evaluation = sendero_domain::evaluation::evaluate(&rows);
    assert!(evaluation.outcomes.iter().all(|o| o.not_estimable.is_none()), "{:?}", evaluation.outcomes);
    assert!(!store.lottery_pool(lead, round.program_id, Strata::Site).await.unwrap().is_empty(), "new referrals wait for the next round");
}
story!(demo_has_a_verifiable_pilot_round);
