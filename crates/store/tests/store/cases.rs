//! Cases: lifecycle transitions, caseload limits and encrypted notes.

use sendero_domain::{CaseStatus, ClosureReason, Phase, ProgramKind, Role, Transition};
use sendero_store::cases::CaseQuery;
use sendero_store::users::NewUser;
use sendero_store::{Actor, Store, StoreError};
use sqlx::Row;

use crate::support::{count, draft, sql, story, world, World};

async fn manager(store: &Store, w: &World, email: &str, limit: i64) -> i64 {
    store
        .create_user(
            None,
            NewUser {
                org_id: w.org,
                email,
                display_name: email,
                password: "a long enough password",
                role: Role::CaseManager,
                locale: "en",
                caseload_limit: limit,
            },
        )
        .await
        .unwrap()
}

fn refused(result: Result<(), StoreError>) -> &'static str {
    match result {
        Err(StoreError::Refused(code)) => code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn lifecycle(store: &Store) {
    let w = world(store).await;
    let cm = manager(store, &w, "lucia@example.org", 25).await;
    let actor = Actor { user_id: Some(cm), org_id: w.org };
    let program = store.create_program(actor, "Destination", ProgramKind::Destination, Some(100)).await.unwrap();
    let site = store.create_site(actor, "Bronx office", Some("New York")).await.unwrap();
    let client = store.create_client(actor, &draft("Darwin", "Pérez"), &[]).await.unwrap();
    let id = store.open_case(actor, client, program, Some(site), Some(cm), false).await.unwrap();

    let case = store.case(w.org, id).await.unwrap();
    assert_eq!(case.client_id, client);
    assert_eq!(case.client_name, "Darwin Pérez");
    assert_eq!(case.program_kind, ProgramKind::Destination);
    assert_eq!(case.site_id, Some(site));
    assert_eq!(case.phase, Phase::Engagement);
    assert_eq!(case.status, CaseStatus::Open);
    assert_eq!(case.case_manager_id, Some(cm));
    assert_eq!(case.case_manager_name.as_deref(), Some("lucia@example.org"));
    assert!(case.closed_at.is_none());

    // Stepping back from the first phase is refused with the domain's code.
    assert_eq!(refused(store.transition_case(actor, id, case.version, Transition::StepBack, None).await), "case-error-first-phase");
    // Advance through every phase, then no further.
    let mut version = case.version;
    for expected in [Phase::AssessmentPlanning, Phase::LinkageAccompaniment, Phase::StabilizationClosure] {
        store.transition_case(actor, id, version, Transition::Advance, None).await.unwrap();
        let now = store.case(w.org, id).await.unwrap();
        assert_eq!(now.phase, expected);
        assert_eq!(now.version, version + 1);
        version = now.version;
    }
    assert_eq!(refused(store.transition_case(actor, id, version, Transition::Advance, None).await), "case-error-last-phase");
    assert_eq!(refused(store.transition_case(actor, id, version, Transition::Reopen, None).await), "case-error-already-open");
    // One step back is allowed.
    store.transition_case(actor, id, version, Transition::StepBack, None).await.unwrap();
    version += 1;
    assert_eq!(store.case(w.org, id).await.unwrap().phase, Phase::LinkageAccompaniment);

    // A stale version is a conflict and changes nothing.
    match store.transition_case(actor, id, version - 1, Transition::Advance, None).await {
        Err(StoreError::Conflict { current_version, .. }) => assert_eq!(current_version, version),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.case(w.org, id).await.unwrap().version, version);

    // Close with lost contact; a closed case refuses everything but re-opening.
    store.transition_case(actor, id, version, Transition::Close(ClosureReason::LostContact), Some("phone disconnected".into())).await.unwrap();
    version += 1;
    let closed = store.case(w.org, id).await.unwrap();
    assert_eq!(closed.status, CaseStatus::Closed);
    assert_eq!(closed.closure_reason, Some(ClosureReason::LostContact));
    assert!(closed.closed_at.is_some());
    for t in [Transition::Advance, Transition::StepBack, Transition::Close(ClosureReason::Other)] {
        assert_eq!(refused(store.transition_case(actor, id, version, t, None).await), "case-error-closed");
    }
    let open_cases = CaseQuery { status: Some(CaseStatus::Open), page: 1, per_page: 50, ..Default::default() };
    assert_eq!(store.list_cases(w.org, &open_cases).await.unwrap().total, 0);
    assert_eq!(store.caseloads(w.org).await.unwrap()[0].open_cases, 0);

    // Re-open: back to open in the phase it left, closure cleared.
    store.transition_case(actor, id, version, Transition::Reopen, None).await.unwrap();
    let reopened = store.case(w.org, id).await.unwrap();
    assert_eq!(reopened.status, CaseStatus::Open);
    assert_eq!(reopened.phase, Phase::LinkageAccompaniment);
    assert_eq!(reopened.closure_reason, None);
    assert!(reopened.closed_at.is_none());
    assert_eq!(store.list_cases(w.org, &open_cases).await.unwrap().total, 1);

    // Every step is a case event (newest first).
    let events = store.case_events(w.org, id).await.unwrap();
    let kinds: Vec<&str> = events.iter().rev().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, vec!["open", "assign", "advance", "advance", "advance", "step_back", "close", "reopen"]);
    let close = events.iter().find(|e| e.kind == "close").unwrap();
    assert_eq!(close.detail.as_deref(), Some("lost_contact: phone disconnected"));
    assert_eq!(close.actor_name.as_deref(), Some("lucia@example.org"));
    let first_advance = events.iter().rev().find(|e| e.kind == "advance").unwrap();
    assert_eq!(first_advance.from_phase.as_deref(), Some("engagement"));
    assert_eq!(first_advance.to_phase.as_deref(), Some("assessment_planning"));

    // Lists and filters; another organization sees none of it.
    let by_phase = CaseQuery { phase: Some(Phase::LinkageAccompaniment), case_manager_id: Some(cm), page: 1, per_page: 10, ..Default::default() };
    let listed = store.list_cases(w.org, &by_phase).await.unwrap();
    assert_eq!(listed.total, 1);
    assert_eq!(listed.items[0].id, id);
    assert_eq!(store.client_cases(w.org, client).await.unwrap().len(), 1);
    assert!(matches!(store.case(w.other_org, id).await, Err(StoreError::NotFound)));
    assert!(store.case_events(w.other_org, id).await.unwrap().is_empty());
    assert!(matches!(store.transition_case(w.other, id, reopened.version, Transition::Advance, None).await, Err(StoreError::NotFound)));
    assert_eq!(store.list_cases(w.other_org, &CaseQuery::default()).await.unwrap().total, 0);
    // Opening a case in another organization's program or for its client is refused.
    assert!(matches!(store.open_case(w.other, client, program, None, None, false).await, Err(StoreError::NotFound)));
}
story!(lifecycle);

async fn caseload_limit(store: &Store) {
    let w = world(store).await;
    let cm = manager(store, &w, "full@example.org", 2).await;
    let program = store.create_program(w.actor, "ATD", ProgramKind::DetentionAlternative, None).await.unwrap();
    let mut clients = Vec::new();
    for i in 0..5 {
        clients.push(store.create_client(w.actor, &draft(&format!("Client{i}"), "Caseload"), &[]).await.unwrap());
    }
    for c in &clients[..2] {
        store.open_case(w.actor, *c, program, None, Some(cm), false).await.unwrap();
    }
    let load = store.caseloads(w.org).await.unwrap();
    assert_eq!(load.len(), 1);
    assert_eq!((load[0].user_id, load[0].open_cases, load[0].limit), (cm, 2, 2));

    // At the limit: refused, and the refused case was not created either.
    let cases_before = count(store, "SELECT COUNT(*) AS n FROM cases WHERE org_id = ?", &[w.org]).await;
    match store.open_case(w.actor, clients[2], program, None, Some(cm), false).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "caseload-error-full"),
        other => panic!("expected caseload-error-full, got {other:?}"),
    }
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM cases WHERE org_id = ?", &[w.org]).await, cases_before);

    // With a supervisor's override it succeeds, and the override is recorded.
    let over = store.open_case(w.actor, clients[2], program, None, Some(cm), true).await.unwrap();
    let events = store.case_events(w.org, over).await.unwrap();
    let ov = events.iter().find(|e| e.kind == "caseload_override").expect("caseload_override event");
    assert_eq!(ov.detail.as_deref(), Some("2/2"));
    assert_eq!(store.caseloads(w.org).await.unwrap()[0].open_cases, 3);
    let audited = count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ? AND action = 'caseload_override' AND entity_id = ?", &[w.org, over]).await;
    assert_eq!(audited, 1);

    // Assigning an existing unassigned case follows the same rule.
    let unassigned = store.open_case(w.actor, clients[3], program, None, None, false).await.unwrap();
    let v = store.case(w.org, unassigned).await.unwrap().version;
    match store.assign_case(w.actor, unassigned, v, cm, false).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "caseload-error-full"),
        other => panic!("expected caseload-error-full, got {other:?}"),
    }
    assert_eq!(store.case(w.org, unassigned).await.unwrap().case_manager_id, None);
    store.assign_case(w.actor, unassigned, v, cm, true).await.unwrap();
    let assigned = store.case(w.org, unassigned).await.unwrap();
    assert_eq!(assigned.case_manager_id, Some(cm));
    assert_eq!(assigned.version, v + 1);
    // A stale assignment is a conflict.
    assert!(matches!(store.assign_case(w.actor, unassigned, v, cm, true).await, Err(StoreError::Conflict { .. })));
    // Closed cases do not count against the limit.
    let version = store.case(w.org, over).await.unwrap().version;
    store.transition_case(w.actor, over, version, Transition::Close(ClosureReason::GoalsMet), None).await.unwrap();
    assert_eq!(store.caseloads(w.org).await.unwrap()[0].open_cases, 3);

    // A manager of another organization cannot be assigned.
    let stranger = store
        .create_user(
            None,
            NewUser {
                org_id: w.other_org,
                email: "stranger@example.org",
                display_name: "Stranger",
                password: "a long enough password",
                role: Role::CaseManager,
                locale: "en",
                caseload_limit: 25,
            },
        )
        .await
        .unwrap();
    match store.open_case(w.actor, clients[4], program, None, Some(stranger), true).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "case-error-unknown-manager"),
        other => panic!("expected case-error-unknown-manager, got {other:?}"),
    }
}
story!(caseload_limit);

async fn notes_encrypted_at_rest(store: &Store) {
    let w = world(store).await;
    let program = store.create_program(w.actor, "Survivors", ProgramKind::TraffickingSurvivor, None).await.unwrap();
    let client = store.create_client(w.actor, &draft("Amina", "Haddad"), &[]).await.unwrap();
    let case = store.open_case(w.actor, client, program, None, None, false).await.unwrap();
    let secret = "Disclosed the trafficker's name: Señor Ramírez, Calle 5";
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    store.add_note(w.actor, case, day, secret).await.unwrap();
    store.add_note(w.actor, case, day.succ_opt().unwrap(), "Follow-up call").await.unwrap();

    let raw = sqlx::query(&sql(store, "SELECT body_enc FROM notes WHERE case_id = ?")).bind(case).fetch_all(store.pool()).await.unwrap();
    assert_eq!(raw.len(), 2);
    for r in &raw {
        let stored: String = r.get("body_enc");
        assert!(stored.starts_with("v1:"), "{stored}");
        for fragment in ["trafficker", "Ramírez", "Follow-up", "Calle"] {
            assert!(!stored.contains(fragment), "plaintext at rest: {stored}");
        }
    }
    // The audit log records that a note was written, not what it says.
    let details = sqlx::query("SELECT detail FROM audit_log").fetch_all(store.pool()).await.unwrap();
    assert!(details.iter().all(|r| !r.get::<String, _>("detail").contains("trafficker")));

    let notes = store.notes(w.org, case).await.unwrap();
    let bodies: Vec<&str> = notes.iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, vec!["Follow-up call", secret], "newest first");
    assert_eq!(notes[1].noted_on, "2026-01-15");
    // Another organization sees no notes and cannot add any.
    assert!(store.notes(w.other_org, case).await.unwrap().is_empty());
    assert!(matches!(store.add_note(w.other, case, day, "x").await, Err(StoreError::NotFound)));
    // A store with the wrong key cannot read them.
    let wrong = sendero_store::crypto::FieldCipher::from_key([1; 32]);
    let stored: String = raw[0].get("body_enc");
    assert!(wrong.decrypt(&stored).is_err());
    assert!(store.cipher().decrypt(&stored).is_ok());
}
story!(notes_encrypted_at_rest);
