//! Tasks and the outbox: generated tasks and messages are idempotent, scoped to their
//! organization, versioned, and message content is encrypted at rest.

use sendero_store::outbox::{NewMessage, CHANNEL_EMAIL};
use sendero_store::tasks::{NewTask, STATUS_DONE};
use sendero_store::{Store, StoreError};
use sqlx::Row;

use crate::support::{count, draft, sql, story, world};

async fn tasks_are_idempotent_scoped_and_versioned(store: &Store) {
    let w = world(store).await;
    let client = store.create_client(w.actor, &draft("Darwin", "Pérez"), &[]).await.unwrap();
    let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let generated = NewTask {
        client_id: Some(client),
        kind: "eoir33",
        title: "File EOIR-33 with the immigration court",
        due_on: Some(due),
        source: Some(format!("address:{client}:eoir33")),
        ..Default::default()
    };
    let first = store.create_task(w.actor, &generated).await.unwrap().expect("first run creates the task");
    assert_eq!(store.create_task(w.actor, &generated).await.unwrap(), None, "second run of the rule opens no second task");
    // The same source in another organization is another task.
    assert!(store.create_task(w.other, &generated).await.unwrap().is_some());
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM tasks WHERE org_id = ?", &[w.org]).await, 1);

    let manual = store.create_task(w.actor, &NewTask { kind: "general", title: "Call the school", ..Default::default() }).await.unwrap().unwrap();
    assert!(matches!(store.create_task(w.actor, &NewTask { kind: "general", title: "  ", ..Default::default() }).await, Err(StoreError::Refused(_))));

    let task = store.task(w.org, first).await.unwrap();
    assert!(task.is_open());
    assert!(task.is_overdue(chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()));
    assert!(!task.is_overdue(due));
    assert!(matches!(store.task(w.other_org, first).await, Err(StoreError::NotFound)), "another organization cannot read it");

    // Finishing with a stale version is a conflict; with the current one it works once.
    store.finish_task(w.actor, first, task.version, STATUS_DONE).await.unwrap();
    assert!(matches!(store.finish_task(w.actor, first, task.version, STATUS_DONE).await, Err(StoreError::Conflict { .. })));
    assert!(matches!(store.finish_task(w.other, manual, 1, STATUS_DONE).await, Err(StoreError::NotFound)));
    let done = store.task(w.org, first).await.unwrap();
    assert_eq!((done.status.as_str(), done.version), ("done", 2));
    assert!(done.done_at.is_some());
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ? AND entity = 'task'", &[w.org]).await, 3);
}
story!(tasks_are_idempotent_scoped_and_versioned);

async fn outbox_enqueues_once_and_encrypts_content(store: &Store) {
    let w = world(store).await;
    let client = store.create_client(w.actor, &draft("Amina", "Haddad"), &[]).await.unwrap();
    let message = NewMessage {
        channel: CHANNEL_EMAIL,
        recipient: "amina@example.org",
        client_id: Some(client),
        user_id: None,
        purpose: "hearing_reminder",
        language: "es",
        subject: Some("Audiencia en la corte de inmigración"),
        body: "Su audiencia es el 3 de diciembre a las 8:30 en Houston.",
        idempotency_key: "hearing:7:offset:2d".into(),
        not_before: None,
    };
    let id = store.enqueue_message(w.actor, &message).await.unwrap().expect("queued");
    assert_eq!(store.enqueue_message(w.actor, &message).await.unwrap(), None, "the same key queues once");
    let listed = store.client_messages(w.org, client, 10).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, listed[0].status.as_str(), listed[0].body.as_str()), (id, "queued", message.body));
    assert!(store.client_messages(w.other_org, client, 10).await.unwrap().is_empty());
    assert_eq!(store.outbox_messages(w.org, Some("queued"), None, 10).await.unwrap().len(), 1);
    assert!(store.outbox_messages(w.org, Some("sent"), None, 10).await.unwrap().is_empty());
    assert_eq!(store.outbox_messages(w.org, None, None, 10).await.unwrap().len(), 1);

    // The raw row holds no plaintext of the subject or body.
    let raw = sqlx::query(&sql(store, "SELECT subject, body FROM outbox WHERE id = ?")).bind(id).fetch_one(store.pool()).await.unwrap();
    let (subject, body): (String, String) = (raw.get("subject"), raw.get("body"));
    assert!(!subject.contains("Audiencia") && !body.contains("Houston"), "content is encrypted at rest");

    let bad = NewMessage { channel: "pigeon", idempotency_key: "x".into(), ..message.clone() };
    assert!(matches!(store.enqueue_message(w.actor, &bad).await, Err(StoreError::Refused("message-bad-channel"))));
}
story!(outbox_enqueues_once_and_encrypts_content);
