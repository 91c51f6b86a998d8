//! Demo seeding: a realistic consortium, once.

use std::collections::{BTreeMap, BTreeSet};

use sendero_domain::ProgramKind;
use sendero_store::Store;
use sqlx::Row;

use crate::support::{count, story};

async fn seed_demo(store: &Store) {
    assert!(store.is_empty().await.unwrap());
    assert!(store.seed_demo().await.unwrap(), "seeds an empty database");

    let orgs = store.all_organizations().await.unwrap();
    assert_eq!(orgs.len(), 4);
    assert_eq!(orgs.iter().filter(|o| o.kind == "lead").count(), 1);
    // All four are in one consortium, so each administrator sees the others' names.
    assert_eq!(store.organizations_for(orgs[1].id).await.unwrap().len(), 4);
    let clients = count(store, "SELECT COUNT(*) AS n FROM clients", &[]).await;
    assert!(clients >= 300, "{clients} clients");
    for o in &orgs {
        let n = count(store, "SELECT COUNT(*) AS n FROM clients WHERE org_id = ?", &[o.id]).await;
        assert!(n > 0, "{} has clients", o.name);
    }

    // Cases in every phase of every program kind that is present.
    let rows =
        sqlx::query("SELECT p.kind AS kind, k.phase AS phase, COUNT(*) AS n FROM cases k JOIN programs p ON p.id = k.program_id GROUP BY p.kind, k.phase")
            .fetch_all(store.pool())
            .await
            .unwrap();
    let mut phases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in &rows {
        phases.entry(r.get("kind")).or_default().insert(r.get("phase"));
    }
    assert_eq!(phases.len(), 4, "all four program kinds present: {phases:?}");
    for (kind, seen) in &phases {
        let kind = ProgramKind::parse(kind).expect("known program kind");
        for phase in kind.phases() {
            assert!(seen.contains(phase.as_str()), "{kind:?} has a case in {phase:?}: {seen:?}");
        }
        assert_eq!(seen.len(), kind.phases().len(), "no foreign phases in {kind:?}");
    }
    let closed = count(store, "SELECT COUNT(*) AS n FROM cases WHERE status = 'closed'", &[]).await;
    assert!(closed > 0, "some cases are closed");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM cases WHERE status = 'closed' AND (closure_reason IS NULL OR closed_at IS NULL)", &[]).await, 0);
    assert!(count(store, "SELECT COUNT(*) AS n FROM notes", &[]).await > 0);
    assert!(count(store, "SELECT COUNT(*) AS n FROM households", &[]).await >= 200);

    // Scenario 7: Mr. Pérez's consent to the Houston partner is in force; the Dubuque partner
    // has a transfer waiting; the board report has program costs to divide.
    let houston = orgs.iter().find(|o| o.name.contains("Houston")).unwrap();
    let grants = store.grants(houston.id, sendero_store::today()).await.unwrap();
    assert_eq!(grants.iter().map(|g| g.client_name.as_str()).collect::<Vec<_>>(), ["Darwin Pérez Mejía"]);
    let dubuque = orgs.iter().find(|o| o.name.contains("Dubuque")).unwrap();
    assert_eq!(store.incoming_transfers(dubuque.id).await.unwrap().len(), 1);
    assert_eq!(store.program_costs(orgs[0].id).await.unwrap().len(), 4);

    // Demo accounts sign in with the demo password.
    for (email, role, _) in sendero_store::demo::DEMO_ACCOUNTS.iter().take(2) {
        let user = store.sign_in(email, sendero_store::demo::DEMO_PASSWORD).await.unwrap().unwrap();
        assert_eq!(user.role, *role);
    }
    // Notes decrypt.
    let case: i64 = sqlx::query("SELECT MIN(case_id) AS id FROM notes").fetch_one(store.pool()).await.unwrap().get("id");
    let org: i64 = orgs[0].id;
    assert!(!store.notes(org, case).await.unwrap().is_empty());

    // Idempotent.
    assert!(!store.seed_demo().await.unwrap(), "second call does nothing");
    assert_eq!(store.all_organizations().await.unwrap().len(), 4);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM clients", &[]).await, clients);

    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty(), "{:?}", &report.broken[..report.broken.len().min(10)]);
    assert!(report.entries > clients);
}
story!(seed_demo);
