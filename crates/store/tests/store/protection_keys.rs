//! Key rotation and encryption at rest: after `rotate_keys` no value remains under the old key
//! and everything decrypts with the new key alone; the raw database holds none of the plaintext.

use sendero_domain::Role;
use sendero_domain::{ClientInput, ProgramKind};
use sendero_store::crypto::FieldCipher;
use sendero_store::keys::ENCRYPTED_COLUMNS;
use sendero_store::outbox::{NewMessage, CHANNEL_EMAIL};
use sendero_store::users::NewUser;
use sendero_store::{Dialect, Store};
use sqlx::Row;

/// TOTP secrets handed out (in clear) during the stories, to look for in the raw database.
static TOTP_SECRETS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

use crate::support::{count, parse, story, world};

const NOTE: &str = "Canary-note: she described the crossing at Piedras Negras in detail";
const SUBJECT: &str = "Canary-subject: hearing in Houston";
const BODY: &str = "Canary-body: your hearing is on December 3 at 8:30";

/// Sensitive values of every encrypted kind; returns (client, case, A-number as stored in clear).
async fn write_sensitive(store: &Store, actor: sendero_store::Actor, n: usize) -> Vec<(i64, i64)> {
    let program = store.create_program(actor, "Removal defense", ProgramKind::Destination, None).await.unwrap();
    let mut made = Vec::new();
    for i in 0..n {
        let input = ClientInput { given_names: format!("Amina{i}"), family_names: "Haddad".into(), a_number: format!("2123456{i:02}"), ..Default::default() };
        let client = store.create_client(actor, &parse(&input), &[]).await.unwrap();
        let case = store.open_case(actor, client, program, None, None, false).await.unwrap();
        store.add_note(actor, case, chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), &format!("{NOTE} #{i}")).await.unwrap();
        let message = NewMessage {
            channel: CHANNEL_EMAIL,
            recipient: "amina@example.org",
            client_id: Some(client),
            user_id: None,
            purpose: "hearing_reminder",
            language: "en",
            subject: Some(SUBJECT),
            body: BODY,
            idempotency_key: format!("canary:{i}"),
            not_before: None,
        };
        store.enqueue_message(actor, &message).await.unwrap();
        // A two-factor enrolment: its secret is encrypted too.
        let email = format!("staff{i}-{}@example.org", actor.org_id);
        let new_user = NewUser {
            org_id: actor.org_id,
            email: &email,
            display_name: "Staff",
            password: "a long enough password",
            role: Role::Supervisor,
            locale: "en",
            caseload_limit: 10,
        };
        let user_id = store.create_user(None, new_user).await.unwrap();
        let user = store.user(actor.org_id, user_id).await.unwrap();
        let secret = store.totp_enrolment_secret(&user).await.unwrap();
        TOTP_SECRETS.lock().unwrap().push(secret);
        made.push((client, case));
    }
    made
}

/// Everything the database holds, as raw text: the SQLite file (and its WAL) or every
/// PostgreSQL table's rows rendered as text.
async fn raw_database_text(store: &Store) -> String {
    match store.dialect() {
        Dialect::Sqlite => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(store.pool()).await.unwrap();
            let file: String = sqlx::query("SELECT file FROM pragma_database_list WHERE name = 'main'").fetch_one(store.pool()).await.unwrap().get("file");
            let mut bytes = std::fs::read(&file).unwrap();
            bytes.extend(std::fs::read(format!("{file}-wal")).unwrap_or_default());
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Dialect::Postgres => {
            let tables =
                sqlx::query("SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                    .fetch_all(store.pool())
                    .await
                    .unwrap();
            let mut text = String::new();
            for t in tables {
                let table: String = t.get("t");
                for r in sqlx::query(&format!("SELECT x::text AS row FROM \"{table}\" x")).fetch_all(store.pool()).await.unwrap() {
                    text.push_str(&r.get::<String, _>("row"));
                    text.push('\n');
                }
            }
            text
        }
    }
}

async fn assert_no_plaintext(store: &Store, a_numbers: &[String]) {
    let raw = raw_database_text(store).await;
    assert!(raw.contains("Haddad"), "the raw text is really the database (names are not encrypted)");
    for needle in ["Canary-note", "Piedras Negras", "Canary-subject", "Canary-body", "December 3"] {
        assert!(!raw.contains(needle), "plaintext {needle:?} found in the raw database");
    }
    for secret in TOTP_SECRETS.lock().unwrap().iter() {
        assert!(!raw.contains(secret.as_str()), "a TOTP secret found in the raw database");
    }
    for a in a_numbers {
        assert!(!raw.contains(a.as_str()), "A-number {a} found in the raw database");
    }
}

async fn rotation_re_encrypts_everything(store: &Store) {
    let w = world(store).await;
    let made = write_sensitive(store, w.actor, 5).await;
    let mut a_numbers = Vec::new();
    for (client, _) in &made {
        a_numbers.push(store.client(w.org, *client).await.unwrap().a_number.expect("A-number stored"));
    }
    assert_no_plaintext(store, &a_numbers).await;
    let before = store.key_usage().await.unwrap();
    assert_eq!(before.outside(0), 0, "everything starts under key 0 (legacy format)");
    // Every encrypted column is covered by the list, and the list covers what was written.
    assert_eq!(before.by_column.len(), ENCRYPTED_COLUMNS.iter().map(|s| s.columns.len()).sum::<usize>());
    // The tables this story writes hold its values; other features' tables are empty here.
    let written = ["clients", "notes", "outbox", "user_totp"];
    assert!(before.by_column.iter().filter(|((table, _), _)| written.contains(&table.as_str())).all(|(_, m)| m.get(&0).copied().unwrap_or(0) >= 5));

    // A new key joins the ring; rotation runs in batches and resumes where it stopped.
    let ring = store.with_cipher(FieldCipher::from_keyring(vec![(0, [42; 32]), (1, [43; 32])]));
    let partial = ring.rotate_keys(2, Some(1)).await.unwrap();
    assert!(!partial.finished && partial.rewritten == 2);
    assert!(ring.key_usage().await.unwrap().outside(1) > 0, "stopped part-way");
    // Values written mid-rotation are under the new key already.
    write_sensitive(&ring, w.other, 1).await;
    let rest = ring.rotate_keys(2, None).await.unwrap();
    assert!(rest.finished);
    assert_eq!(partial.rewritten + rest.rewritten, 5 * 5, "each of the 25 old values was rewritten once");
    let after = ring.key_usage().await.unwrap();
    assert_eq!(after.outside(1), 0, "no ciphertext under the old key id remains: {after:?}");
    for spec in ENCRYPTED_COLUMNS {
        for column in spec.columns {
            let n = count(store, &format!("SELECT COUNT(*) AS n FROM {} WHERE {column} LIKE 'v1:%'", spec.table), &[]).await;
            assert_eq!(n, 0, "{}.{column} has values under key 0", spec.table);
        }
    }
    // Running again finds nothing to do.
    assert_eq!(ring.rotate_keys(100, None).await.unwrap().rewritten, 0);

    // Everything decrypts with the new key alone: the old key can be retired.
    let only_new = store.with_cipher(FieldCipher::from_keyring(vec![(1, [43; 32])]));
    for ((client, case), a) in made.iter().zip(&a_numbers) {
        assert_eq!(only_new.client(w.org, *client).await.unwrap().a_number.as_ref(), Some(a));
        assert!(only_new.notes(w.org, *case).await.unwrap()[0].body.starts_with(NOTE));
        let messages = only_new.client_messages(w.org, *client, 5).await.unwrap();
        assert_eq!((messages[0].subject.as_deref(), messages[0].body.as_str()), (Some(SUBJECT), BODY));
    }
    assert!(store.notes(w.org, made[0].1).await.is_err(), "the old key alone can no longer read rotated notes");

    // Audited with counts, never content, and the chain verifies.
    let entries = sqlx::query("SELECT detail FROM audit_log WHERE action = 'keys.rotate'").fetch_all(store.pool()).await.unwrap();
    assert!(!entries.is_empty());
    let audited: i64 =
        entries.iter().map(|r| serde_json::from_str::<serde_json::Value>(&r.get::<String, _>("detail")).unwrap()["rows"].as_i64().unwrap()).sum();
    assert_eq!(audited, 25);
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
    assert_no_plaintext(store, &a_numbers).await;
}
story!(rotation_re_encrypts_everything);
