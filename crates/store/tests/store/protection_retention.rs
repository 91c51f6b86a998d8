//! Retention: the plan lists what would go, the purge deletes exactly that in one transaction
//! and audits counts only; a plan that changed since review is refused; the read log can be
//! purged only through the purge's gate.

use sendero_domain::ProgramKind;
use sendero_store::outbox::{NewMessage, CHANNEL_EMAIL};
use sendero_store::retention::RetentionRules;
use sendero_store::{Store, StoreError};

use crate::support::{count, draft, exec, story, world};

async fn retention_plan_and_purge(store: &Store) {
    let w = world(store).await;
    let program = store.create_program(w.actor, "Accompaniment", ProgramKind::Destination, None).await.unwrap();
    let mut cases = Vec::new();
    for (i, name) in ["Old", "Recent", "Open"].iter().enumerate() {
        let client = store.create_client(w.actor, &draft("Ana", name), &[]).await.unwrap();
        let case = store.open_case(w.actor, client, program, None, None, false).await.unwrap();
        store.add_note(w.actor, case, sendero_store::today(), &format!("Secret note {i}")).await.unwrap();
        let message = NewMessage {
            channel: CHANNEL_EMAIL,
            recipient: "x@example.org",
            client_id: Some(client),
            user_id: None,
            purpose: "reminder",
            language: "en",
            subject: None,
            body: "Body",
            idempotency_key: format!("k{i}"),
            not_before: None,
        };
        store.enqueue_message(w.actor, &message).await.unwrap();
        cases.push(case);
    }
    // The first case closed eight years ago, the second last month; messages: one sent long ago.
    exec(store, "UPDATE cases SET status = 'closed', closed_at = '2018-01-01T00:00:00.000000Z', closure_reason = 'goals_met' WHERE id = ?", &[cases[0]])
        .await
        .unwrap();
    exec(store, "UPDATE cases SET status = 'closed', closed_at = '2026-10-01T00:00:00.000000Z', closure_reason = 'goals_met' WHERE id = ?", &[cases[1]])
        .await
        .unwrap();
    exec(
        store,
        "UPDATE outbox SET status = 'sent', created_at = '2025-01-01T00:00:00.000000Z' WHERE client_id = (SELECT client_id FROM cases WHERE id = ?)",
        &[cases[0]],
    )
    .await
    .unwrap();
    // Reads of sensitive records: two logged years ago, one just now, one old in another org.
    for (org, at) in [
        (w.org, "2020-01-01T00:00:00.000000Z"),
        (w.org, "2021-06-01T00:00:00.000000Z"),
        (w.org, "2026-11-23T00:00:00.000000Z"),
        (w.other_org, "2020-01-01T00:00:00.000000Z"),
    ] {
        let sql = format!("INSERT INTO read_log (org_id, at, actor_id, entity, entity_id) VALUES (?, '{at}', NULL, 'client', ?)");
        exec(store, &sql, &[org, cases[0]]).await.unwrap();
    }
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T00:00:00Z").unwrap().with_timezone(&chrono::Utc);

    // No rules: nothing planned.
    assert_eq!(store.retention_plan(w.org, at).await.unwrap().total(), 0);
    assert!(matches!(
        store.set_retention_rules(w.actor, RetentionRules { closed_case_years: Some(0), ..Default::default() }).await,
        Err(StoreError::Refused(_))
    ));
    let too_long = RetentionRules { read_log_years: Some(101), ..Default::default() };
    assert!(matches!(store.set_retention_rules(w.actor, too_long).await, Err(StoreError::Refused(_))));
    let rules = RetentionRules { closed_case_years: Some(7), message_days: Some(180), read_log_years: Some(2) };
    store.set_retention_rules(w.actor, rules).await.unwrap();
    assert_eq!(store.retention_rules(w.org).await.unwrap(), rules);
    let plan = store.retention_plan(w.org, at).await.unwrap();
    let n = |t: &str| plan.counts.iter().find(|(x, _)| x == t).map(|(_, n)| *n).unwrap();
    assert_eq!((n("cases"), n("notes"), n("outbox"), n("read_log")), (1, 1, 1, 2), "{plan:?}");
    // Outside a purge the read log stays append-only.
    assert!(exec(store, "DELETE FROM read_log WHERE org_id = ?", &[w.org]).await.is_err());
    // Another organization's plan is its own.
    assert_eq!(store.retention_plan(w.other_org, at).await.unwrap().total(), 0);

    // A plan that changed since review is refused and deletes nothing.
    let mut stale = plan.clone();
    stale.counts[0].1 += 1;
    assert!(matches!(store.retention_purge(w.actor, &stale, at).await, Err(StoreError::Refused("retention-plan-changed"))));
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM cases WHERE org_id = ?", &[w.org]).await, 3);

    let done = store.retention_purge(w.actor, &plan, at).await.unwrap();
    assert_eq!(done.counts, plan.counts);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM cases WHERE id = ?", &[cases[0]]).await, 0);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM notes WHERE case_id = ?", &[cases[0]]).await, 0);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM cases WHERE org_id = ?", &[w.org]).await, 2, "the recent and the open case stay");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM outbox WHERE org_id = ?", &[w.org]).await, 2);
    assert_eq!(store.retention_plan(w.org, at).await.unwrap().total(), 0, "nothing left to purge");
    let reads = "SELECT COUNT(*) AS n FROM read_log WHERE org_id = ? AND entity_id = ?";
    assert_eq!(count(store, reads, &[w.org, cases[0]]).await, 1, "the recent read stays");
    assert_eq!(count(store, reads, &[w.other_org, cases[0]]).await, 1, "another organization's reads stay");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM read_log_purge_gate WHERE org_id = ?", &[w.org]).await, 0, "the gate is closed again");
    assert!(exec(store, "DELETE FROM read_log WHERE org_id = ?", &[w.org]).await.is_err(), "append-only again after the purge");
    // Audited with counts, not content.
    let entries = store.audit_recent(w.org, 50).await.unwrap();
    let purge = entries.iter().find(|e| e.action == "retention.purge").expect("audited");
    assert!(purge.detail.contains("\"cases\":1") && !purge.detail.contains("Secret note"));
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
}
story!(retention_plan_and_purge);
