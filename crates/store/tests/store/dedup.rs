//! Duplicate-person detection: blocking keys follow every write, registration candidates,
//! batch scans, "different people" decisions, and merges that keep everything and undo exactly.

use std::collections::{BTreeSet, HashMap};

use sendero_domain::instrument::Timing;
use sendero_domain::{ClientDraft, ClientInput, ContactKind, ProgramKind, Relationship};
use sendero_store::clients::ClientQuery;
use sendero_store::dedup::{person_record, REGISTRATION_MIN_SCORE, SCAN_MIN_SCORE};
use sendero_store::{Store, StoreError};
use sqlx::Row;

use crate::support::{count, input, parse, sql, story, world};

fn person(given: &str, family: &str, birth_date: &str) -> ClientDraft {
    parse(&ClientInput { birth_date: birth_date.into(), ..input(given, family) })
}

/// The stored blocking keys of a client, sorted.
async fn keys_of(store: &Store, client_id: i64) -> BTreeSet<String> {
    sqlx::query(&sql(store, "SELECT key FROM person_keys WHERE client_id = ?"))
        .bind(client_id)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("key"))
        .collect()
}

async fn phone_keys(store: &Store, client_id: i64) -> i64 {
    count(store, "SELECT COUNT(*) AS n FROM person_keys WHERE client_id = ? AND key LIKE 'p:%'", &[client_id]).await
}

/// Ids of the registration candidates for a record (a macro: the matcher's record type is not
/// nameable here, the matching crate not being a dependency of these tests).
macro_rules! candidate_ids {
    ($store:expr, $org:expr, $record:expr) => {
        $store.match_candidates($org, $record, REGISTRATION_MIN_SCORE, 10).await.unwrap().iter().map(|c| c.client.id).collect::<Vec<i64>>()
    };
}

fn refused<T: std::fmt::Debug>(result: Result<T, StoreError>) -> &'static str {
    match result {
        Err(StoreError::Refused(code)) => code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn keys_follow_writes(store: &Store) {
    let w = world(store).await;
    let ana = store.create_client(w.actor, &person("Ana", "Castillo", "1989-03-02"), &[]).await.unwrap();
    let n = count(store, "SELECT COUNT(*) AS n FROM person_keys WHERE client_id = ?", &[ana]).await;
    assert!(n > 0, "a new client has blocking keys");
    let before = keys_of(store, ana).await;
    assert_eq!(before.len() as i64, n, "no duplicate keys");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM person_keys WHERE client_id = ? AND org_id <> ?", &[ana, w.org]).await, 0);
    assert_eq!(phone_keys(store, ana).await, 0, "no phone yet");

    // Renaming replaces the name keys; the date keys stay.
    store.update_client(w.actor, ana, 1, &person("Beatriz", "Obando", "1989-03-02")).await.unwrap();
    let renamed = keys_of(store, ana).await;
    assert_ne!(renamed, before);
    // Only the date key survives: every name key was rewritten.
    let common: Vec<&String> = before.intersection(&renamed).collect();
    assert_eq!(common, vec!["d:19890302"], "{before:?} → {renamed:?}");
    // Writing the same again yields the same keys (no accumulation).
    store.update_client(w.actor, ana, 2, &person("Beatriz", "Obando", "1989-03-02")).await.unwrap();
    assert_eq!(keys_of(store, ana).await, renamed);

    // A phone adds a `p:` key; replacing it swaps the key; ending it removes it.
    let first = store.add_contact(w.actor, ana, ContactKind::Phone, "+1 212 555 0100", true).await.unwrap();
    assert_eq!(phone_keys(store, ana).await, 1);
    assert!(keys_of(store, ana).await.contains("p:5550100"), "{:?}", keys_of(store, ana).await);
    let second = store.add_contact(w.actor, ana, ContactKind::Phone, "+1 212 555 0177", true).await.unwrap();
    let with_second = keys_of(store, ana).await;
    assert!(with_second.contains("p:5550177") && !with_second.contains("p:5550100"), "{with_second:?}");
    assert_eq!(phone_keys(store, ana).await, 1, "the replaced phone's key is gone");
    // An email changes no key.
    store.add_contact(w.actor, ana, ContactKind::Email, "ana@example.org", true).await.unwrap();
    assert_eq!(keys_of(store, ana).await, with_second);
    store.end_contact(w.actor, second).await.unwrap();
    assert_eq!(phone_keys(store, ana).await, 0, "ending the phone removes its key");
    assert_eq!(keys_of(store, ana).await, renamed);
    // Ending an already ended phone changes nothing.
    store.end_contact(w.actor, first).await.unwrap();
    assert_eq!(keys_of(store, ana).await, renamed);

    // Another organization's client with the same name and date is never a candidate here.
    let theirs = store.create_client(w.other, &person("Beatriz", "Obando", "1989-03-02"), &[]).await.unwrap();
    assert!(count(store, "SELECT COUNT(*) AS n FROM person_keys WHERE client_id = ? AND org_id = ?", &[theirs, w.other_org]).await > 0);
    let record = person_record(0, "Beatriz", Some("Obando"), Some("1989-03-02"), None, vec![], vec![]);
    assert_eq!(candidate_ids!(store, w.org, &record), vec![ana], "only this organization's client");
    assert_eq!(candidate_ids!(store, w.other_org, &record), vec![theirs], "and the other way round");
    // Nor is a client ever its own candidate.
    let own = person_record(ana, "Beatriz", Some("Obando"), Some("1989-03-02"), None, vec![], vec![]);
    assert!(candidate_ids!(store, w.org, &own).is_empty());
}
story!(keys_follow_writes);

async fn registration_candidates(store: &Store) {
    let w = world(store).await;
    let jose = store.create_client(w.actor, &person("José", "Hernández López", "1990-03-04"), &[(ContactKind::Phone, "+1 713 555 0134".into())]).await.unwrap();
    let other = store.create_client(w.actor, &person("Grace", "Achieng", "1994-04-27"), &[]).await.unwrap();

    // A draft with an accent-free, shorter name, day and month swapped and another phone format.
    let record = person_record(0, "Jose", Some("Hernandez"), Some("1990-04-03"), None, vec!["713-555-0134".into()], vec![]);
    let found = store.match_candidates(w.org, &record, REGISTRATION_MIN_SCORE, 5).await.unwrap();
    assert!(!found.is_empty(), "José must be proposed");
    assert_eq!(found[0].client.id, jose);
    assert_eq!(found[0].client.full_name(), "José Hernández López");
    assert!(found.iter().all(|c| c.client.id != other));
    let result = &found[0].result;
    assert!(result.score >= REGISTRATION_MIN_SCORE, "{result:?}");
    let field = |name: &str| result.fields.iter().find(|f| format!("{:?}", f.field) == name).unwrap_or_else(|| panic!("no {name} in {result:?}"));
    let family = field("FamilyName");
    assert!(family.weight > 0.0, "the family name counts for the match: {family:?}");
    assert_eq!((family.left.as_str(), family.right.as_str()), ("Hernandez", "Hernández López"));
    let phone = field("Phone");
    assert!(phone.weight > 0.0, "{phone:?}");
    assert_eq!(format!("{:?}", phone.level), "Exact", "{phone:?}");
    let birth = field("BirthDate");
    assert_eq!(format!("{:?}", birth.level), "Transposed", "{birth:?}");
    let reasons = result.explain();
    assert!(reasons.iter().any(|r| r.contains("surname") && r.contains("Hernández López")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r == "same phone number"), "{reasons:?}");
    // The limit is honoured.
    assert!(store.match_candidates(w.org, &record, REGISTRATION_MIN_SCORE, 0).await.unwrap().is_empty());

    // A clearly different person gets no candidates.
    let amina = person_record(0, "Amina", Some("Haddad"), Some("1996"), None, vec!["+1 212 555 0199".into()], vec![]);
    let none = store.match_candidates(w.org, &amina, REGISTRATION_MIN_SCORE, 5).await.unwrap();
    assert!(none.is_empty(), "{:?}", none.iter().map(|c| (c.client.full_name(), c.result.score)).collect::<Vec<_>>());

    // Two stored records of the same person: each proposes the other until someone decides
    // they are different people.
    let dup = store.create_client(w.actor, &person("Jose", "Hernandez", "1990-04-03"), &[(ContactKind::Phone, "713-555-0134".into())]).await.unwrap();
    let jose_record = person_record(jose, "José", Some("Hernández López"), Some("1990-03-04"), None, vec!["+1 713 555 0134".into()], vec![]);
    let dup_record = person_record(dup, "Jose", Some("Hernandez"), Some("1990-04-03"), None, vec!["713-555-0134".into()], vec![]);
    assert_eq!(candidate_ids!(store, w.org, &jose_record), vec![dup]);
    assert_eq!(candidate_ids!(store, w.org, &dup_record), vec![jose]);
    let scored = store.compare_clients(w.org, jose, dup).await.unwrap();
    assert!(scored.score >= REGISTRATION_MIN_SCORE, "{scored:?}");

    store.record_distinct(w.actor, dup, jose).await.unwrap();
    assert!(candidate_ids!(store, w.org, &jose_record).is_empty(), "decided pairs are not proposed again");
    assert!(candidate_ids!(store, w.org, &dup_record).is_empty(), "in either direction");
    // A new registration (no id yet) still sees both.
    let mut both = candidate_ids!(store, w.org, &record);
    both.sort();
    assert_eq!(both, vec![jose, dup]);
    // Deciding twice is harmless; one decision row, stored in order.
    store.record_distinct(w.actor, jose, dup).await.unwrap();
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM dedup_decisions WHERE org_id = ? AND left_id = ? AND right_id = ?", &[w.org, jose, dup]).await, 1);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM dedup_decisions", &[]).await, 1);
    // Another organization cannot decide about these clients.
    assert!(matches!(store.record_distinct(w.other, jose, other).await, Err(StoreError::NotFound)));
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
}
story!(registration_candidates);

async fn scan_finds_pairs(store: &Store) {
    let w = world(store).await;
    let others: [(&str, &str, &str); 24] = [
        ("Ana Lucía", "Castillo Obando", "1989-03-02"),
        ("Scarleth", "Castillo Obando", "2014-06-10"),
        ("Amina", "Haddad", "1996-11-20"),
        ("Darnell", "Brooks", "1978-02-14"),
        ("Mei Ling", "Chen", "1992-08-30"),
        ("Oksana", "Petrenko", "1983-12-05"),
        ("Juan Carlos", "Ramírez", "1975-06-18"),
        ("Fatima", "Noori", "2001-09-09"),
        ("Grace", "Achieng", "1994-04-27"),
        ("Tomás", "Rivera Soto", "1968-10-03"),
        ("Yusuf", "Demir", "1987-01-22"),
        ("Lucía", "Fernández", "1999-07-15"),
        ("Kwame", "Mensah", "1981-05-30"),
        ("Nadia", "Karimi", "1990-12-12"),
        ("Pierre", "Louis", "1972-03-08"),
        ("Esperanza", "Gómez", "1960-08-21"),
        ("Abdi", "Warsame", "1993-02-11"),
        ("Svetlana", "Ivanova", "1985-04-16"),
        ("Carlos", "Mejía", "2003-11-02"),
        ("Hiba", "Khalil", "1998-06-06"),
        ("Dawit", "Tesfaye", "1979-09-25"),
        ("Marisol", "Aguilar", "1991-01-19"),
        ("Ibrahim", "Sesay", "1984-10-10"),
        ("Leila", "Rostami", "1997-03-29"),
    ];
    let mut ids = vec![];
    for (i, (g, f, d)) in others.iter().enumerate() {
        let phones = if i % 3 == 0 { vec![(ContactKind::Phone, format!("+1 646 555 {:04}", 1000 + i))] } else { vec![] };
        ids.push(store.create_client(w.actor, &person(g, f, d), &phones).await.unwrap());
    }
    let mohammed = store.create_client(w.actor, &person("Mohammed", "Ahmadi", "1985-07-12"), &[]).await.unwrap();
    let wilner = store.create_client(w.actor, &person("Wilner", "Joseph", "1985-03-17"), &[(ContactKind::Phone, "+1 563 555 0150".into())]).await.unwrap();
    let darwin = store.create_client(w.actor, &person("Darwin", "Pérez", "1988-09-14"), &[]).await.unwrap();
    // Interleave the duplicates with more people, as they would arrive.
    let ellen = store.create_client(w.actor, &person("Ellen", "Johnson", "1970-05-05"), &[]).await.unwrap();
    let mohammed_fa = store.create_client(w.actor, &person("محمد", "احمدی", "1985-07-12"), &[]).await.unwrap();
    let wilne = store.create_client(w.actor, &person("Wilnè", "Jozef", "1985-03-17"), &[(ContactKind::Phone, "563-555-0150".into())]).await.unwrap();
    let perez = store.create_client(w.actor, &person("Pérez", "Darwin", "1988-09-14"), &[]).await.unwrap();
    ids.push(ellen);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM clients WHERE org_id = ?", &[w.org]).await, 31);
    // The other organization's copy of a duplicate is never paired with ours.
    let elsewhere = store.create_client(w.other, &person("Wilner", "Joseph", "1985-03-17"), &[(ContactKind::Phone, "+1 563 555 0150".into())]).await.unwrap();

    let expected: BTreeSet<(i64, i64)> = [(mohammed, mohammed_fa), (wilner, wilne), (darwin, perez)].into_iter().collect();
    let pairs = store.dedup_scan(w.org, SCAN_MIN_SCORE).await.unwrap();
    let found: BTreeSet<(i64, i64)> = pairs.iter().map(|p| (p.left_id, p.right_id)).collect();
    assert!(pairs.iter().all(|p| p.left_id < p.right_id && p.score >= SCAN_MIN_SCORE), "{pairs:?}");
    assert!(pairs.windows(2).all(|p| p[0].score >= p[1].score), "best first: {pairs:?}");
    assert_eq!(found.len(), pairs.len(), "each pair once: {pairs:?}");
    let hits = expected.intersection(&found).count();
    assert!(hits >= 2, "found {hits} of the 3 deliberate pairs: {pairs:?}");
    assert!(found.contains(&(wilner, wilne)), "same date and phone, spelling variants: {pairs:?}");
    for (l, r) in &found {
        assert!(expected.contains(&(*l, *r)), "pair between different people: {l} / {r} in {pairs:?}");
        assert!(*l != elsewhere && *r != elsewhere);
    }
    // Every proposed pair compares the same way side by side.
    for (l, r) in &found {
        assert!(store.compare_clients(w.org, *l, *r).await.unwrap().score > 0.0);
    }
    // The other organization sees nothing (one client).
    assert!(store.dedup_scan(w.other_org, SCAN_MIN_SCORE).await.unwrap().is_empty());

    // "Different people" removes the pair from the next scan, and only that pair.
    let (l, r) = *found.iter().next().unwrap();
    store.record_distinct(w.actor, r, l).await.unwrap();
    let again: BTreeSet<(i64, i64)> = store.dedup_scan(w.org, SCAN_MIN_SCORE).await.unwrap().iter().map(|p| (p.left_id, p.right_id)).collect();
    assert!(!again.contains(&(l, r)), "{again:?}");
    let mut rest = found.clone();
    rest.remove(&(l, r));
    assert_eq!(again, rest);
    // The scan stored the organization's weights for registration checks.
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'dedup_weights:%'", &[]).await, 2);
}
story!(scan_finds_pairs);

/// Rows related to one client, in every table a merge touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Related {
    cases: i64,
    notes: i64,
    contacts: i64,
    assessments: i64,
    keys: i64,
}

impl std::ops::Add for Related {
    type Output = Related;
    fn add(self, o: Related) -> Related {
        Related {
            cases: self.cases + o.cases,
            notes: self.notes + o.notes,
            contacts: self.contacts + o.contacts,
            assessments: self.assessments + o.assessments,
            keys: 0,
        }
    }
}

async fn related(store: &Store, client: i64) -> Related {
    Related {
        cases: count(store, "SELECT COUNT(*) AS n FROM cases WHERE client_id = ?", &[client]).await,
        notes: count(store, "SELECT COUNT(*) AS n FROM notes x JOIN cases k ON k.id = x.case_id WHERE k.client_id = ?", &[client]).await,
        contacts: count(store, "SELECT COUNT(*) AS n FROM contacts WHERE client_id = ?", &[client]).await,
        assessments: count(store, "SELECT COUNT(*) AS n FROM assessments WHERE client_id = ?", &[client]).await,
        keys: count(store, "SELECT COUNT(*) AS n FROM person_keys WHERE client_id = ?", &[client]).await,
    }
}

async fn audit_rows(store: &Store) -> i64 {
    count(store, "SELECT COUNT(*) AS n FROM audit_log", &[]).await
}

async fn listed(store: &Store, org: i64, search: Option<&str>) -> Vec<i64> {
    let q = ClientQuery { search: search.map(str::to_owned), page: 1, per_page: 200, ..Default::default() };
    store.list_clients(org, &q).await.unwrap().items.iter().map(|c| c.id).collect()
}

async fn merge_keeps_everything_and_undo_restores(store: &Store) {
    let w = world(store).await;
    let program = store.create_program(w.actor, "Destination", ProgramKind::Destination, None).await.unwrap();
    let instrument = store.instruments(w.org).await.unwrap().first().expect("built-in instruments are installed").id;
    let today = chrono::Utc::now().date_naive();

    // Rosa was registered twice: once with an alias and a phone, once in her household.
    let rosa = parse(&ClientInput { aliases: "Rosita".into(), birth_date: "1980-05-05".into(), ..input("Rosa", "Méndez") });
    let kept = store.create_client(w.actor, &rosa, &[(ContactKind::Phone, "+1 305 555 0111".into())]).await.unwrap();
    let merged = store
        .create_client(
            w.actor,
            &person("Rosa", "Mendes", "1980-05-05"),
            &[(ContactKind::Phone, "305-555-0111".into()), (ContactKind::Email, "rosa@example.org".into())],
        )
        .await
        .unwrap();
    let household = store.create_household(w.actor, "Mendes", merged).await.unwrap();
    let son = store.create_household_member(w.actor, household, &person("Luis", "Mendes", "2010-02-02"), Relationship::Child).await.unwrap();
    let bystander = store.create_client(w.actor, &person("Tomás", "Rivera", "1968-10-03"), &[]).await.unwrap();
    // An ended contact moves too (history is kept).
    let old_phone = store.add_contact(w.actor, merged, ContactKind::Phone, "+1 305 555 0999", false).await.unwrap();
    store.end_contact(w.actor, old_phone).await.unwrap();

    let kept_case = store.open_case(w.actor, kept, program, None, None, false).await.unwrap();
    let merged_case = store.open_case(w.actor, merged, program, None, None, false).await.unwrap();
    let merged_case_2 = store.open_case(w.actor, merged, program, None, None, false).await.unwrap();
    store.add_note(w.actor, kept_case, today, "First visit.").await.unwrap();
    store.add_note(w.actor, kept_case, today, "Second visit.").await.unwrap();
    store.add_note(w.actor, merged_case, today, "Registered again at the other office.").await.unwrap();
    store.add_note(w.actor, merged_case_2, today, "Housing referral.").await.unwrap();
    for (case_id, client_id) in [(kept_case, kept), (merged_case, merged), (merged_case_2, merged)] {
        let a = sendero_store::assessments::AssessmentInput {
            case_id,
            client_id,
            instrument_id: instrument,
            timing: Timing::Intake,
            language: "en",
            answers: HashMap::new(),
            taken_on: today,
            complete: false,
        };
        store.save_assessment(w.actor, &a, None).await.unwrap();
    }
    // Another organization's client, for the refusals below.
    let foreign = store.create_client(w.other, &person("Rosa", "Méndez", "1980-05-05"), &[]).await.unwrap();

    let kept_before = related(store, kept).await;
    let merged_before = related(store, merged).await;
    let son_before = related(store, son).await;
    let bystander_before = related(store, bystander).await;
    assert_eq!(kept_before, Related { cases: 1, notes: 2, contacts: 1, assessments: 1, keys: kept_before.keys });
    assert_eq!(merged_before, Related { cases: 2, notes: 2, contacts: 3, assessments: 2, keys: merged_before.keys });
    assert!(kept_before.keys > 0 && merged_before.keys > 0);
    let kept_client = store.client(w.org, kept).await.unwrap();
    let merged_client = store.client(w.org, merged).await.unwrap();
    assert_eq!(kept_client.household_id, None);
    assert_eq!(merged_client.household_id, Some(household));
    assert_eq!(merged_client.relationship.as_deref(), Some("head"));
    let audit_before = audit_rows(store).await;
    let total_notes = count(store, "SELECT COUNT(*) AS n FROM notes", &[]).await;
    let everyone = listed(store, w.org, None).await;
    assert!(everyone.contains(&kept) && everyone.contains(&merged));
    // The pair is proposed before the merge.
    assert!(store.dedup_scan(w.org, SCAN_MIN_SCORE).await.unwrap().iter().any(|p| (p.left_id, p.right_id) == (kept, merged)));

    // Refusals first: they change nothing.
    assert_eq!(refused(store.merge_clients(w.actor, kept, kept, "same").await), "merge-error-same");
    assert!(matches!(store.merge_clients(w.actor, kept, foreign, "theirs").await, Err(StoreError::NotFound)));
    assert!(matches!(store.merge_clients(w.actor, foreign, kept, "theirs").await, Err(StoreError::NotFound)));
    assert!(matches!(store.merge_clients(w.other, foreign, kept, "theirs").await, Err(StoreError::NotFound)));
    assert_eq!(audit_rows(store).await, audit_before);
    assert_eq!(related(store, kept).await, kept_before);
    assert_eq!(related(store, merged).await, merged_before);

    let merge = store.merge_clients(w.actor, kept, merged, "same person, registered twice").await.unwrap();
    let kept_after = related(store, kept).await;
    let merged_after = related(store, merged).await;
    let sum = kept_before + merged_before;
    assert_eq!(
        (kept_after.cases, kept_after.notes, kept_after.contacts, kept_after.assessments),
        (sum.cases, sum.notes, sum.contacts, sum.assessments),
        "the kept record owns everything"
    );
    assert_eq!((merged_after.cases, merged_after.notes, merged_after.contacts, merged_after.assessments, merged_after.keys), (0, 0, 0, 0, 0));
    assert!(kept_after.keys > 0);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM notes", &[]).await, total_notes, "nothing deleted");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM clients WHERE id = ?", &[merged]).await, 1, "the merged record is hidden, not deleted");
    assert_eq!(related(store, son).await, son_before);
    assert_eq!(related(store, bystander).await, bystander_before);
    // Cases and assessments read through the kept client.
    assert_eq!(store.client_cases(w.org, kept).await.unwrap().len(), 3);
    assert!(store.client_cases(w.org, merged).await.unwrap().is_empty());
    for case_id in [kept_case, merged_case, merged_case_2] {
        assert_eq!(store.case(w.org, case_id).await.unwrap().client_id, kept);
        assert!(store.case_assessments(w.org, case_id).await.unwrap().iter().all(|a| a.client_id == kept));
    }
    assert_eq!(store.contacts(w.org, kept).await.unwrap().len(), 4);

    let everyone = listed(store, w.org, None).await;
    assert!(everyone.contains(&kept) && !everyone.contains(&merged), "the merged record is hidden from lists");
    assert!(!listed(store, w.org, Some("rosa")).await.contains(&merged));
    // The merged name is now an alias of the kept record, and searchable.
    let k = store.client(w.org, kept).await.unwrap();
    let m = store.client(w.org, merged).await.unwrap();
    assert_eq!(m.merged_into, Some(kept));
    assert_eq!(m.household_id, None);
    assert_eq!(k.merged_into, None);
    let aliases = k.aliases.clone().unwrap_or_default();
    assert!(aliases.contains("Rosita") && aliases.contains("Rosa Mendes"), "{aliases:?}");
    assert_eq!(k.version, kept_client.version + 1);
    let mut mendes = listed(store, w.org, Some("mendes")).await;
    mendes.sort();
    assert_eq!(mendes, vec![kept, son], "the alias is searchable on the kept record");
    // The kept record joined the merged one's household.
    assert_eq!(k.household_id, Some(household));
    assert_eq!(k.relationship.as_deref(), Some("head"));
    // The pair is no longer proposed, and the merged record is no candidate.
    assert!(store.dedup_scan(w.org, SCAN_MIN_SCORE).await.unwrap().iter().all(|p| p.left_id != merged && p.right_id != merged));
    let rosa_record = person_record(0, "Rosa", Some("Mendes"), Some("1980-05-05"), None, vec![], vec![]);
    let candidates: Vec<i64> = store.match_candidates(w.org, &rosa_record, REGISTRATION_MIN_SCORE, 5).await.unwrap().iter().map(|c| c.client.id).collect();
    assert_eq!(candidates, vec![kept]);
    assert!(matches!(store.compare_clients(w.org, kept, merged).await, Err(StoreError::NotFound)));
    // Merging again, in either direction, is refused.
    assert_eq!(refused(store.merge_clients(w.actor, kept, merged, "again").await), "merge-error-already-merged");
    assert_eq!(refused(store.merge_clients(w.actor, merged, kept, "again").await), "merge-error-already-merged");
    // The merge is listed and audited; the audit log only grew and still verifies.
    let merges = store.merges(w.org).await.unwrap();
    assert_eq!(merges.len(), 1);
    assert_eq!((merges[0].id, merges[0].kept_id, merges[0].merged_id), (merge, kept, merged));
    assert_eq!(merges[0].merged_name, "Rosa Mendes");
    assert_eq!(merges[0].reason, "same person, registered twice");
    assert!(merges[0].undone_at.is_none());
    assert!(store.merges(w.other_org).await.unwrap().is_empty());
    let audit_merged = audit_rows(store).await;
    assert!(audit_merged > audit_before, "the merge is audited");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'merge' AND entity_id = ?", &[kept]).await, 1);
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty(), "{report:?}");
    assert_eq!(report.entries, audit_merged);

    // Another organization cannot undo it.
    assert!(matches!(store.undo_merge(w.other, merge).await, Err(StoreError::NotFound)));

    store.undo_merge(w.actor, merge).await.unwrap();
    assert_eq!(related(store, kept).await, kept_before, "the kept record has exactly what it had");
    assert_eq!(related(store, merged).await, merged_before, "the merged record has its own back");
    assert_eq!(related(store, son).await, son_before);
    assert_eq!(related(store, bystander).await, bystander_before);
    for case_id in [merged_case, merged_case_2] {
        assert_eq!(store.case(w.org, case_id).await.unwrap().client_id, merged);
    }
    assert_eq!(store.case(w.org, kept_case).await.unwrap().client_id, kept);
    let everyone = listed(store, w.org, None).await;
    assert!(everyone.contains(&kept) && everyone.contains(&merged), "the merged record is listed again");
    let k = store.client(w.org, kept).await.unwrap();
    let m = store.client(w.org, merged).await.unwrap();
    assert_eq!(k.aliases.as_deref(), Some("Rosita"), "aliases restored");
    assert_eq!(m.merged_into, None);
    assert_eq!((k.household_id, k.relationship.as_deref()), (None, None));
    assert_eq!((m.household_id, m.relationship.as_deref()), (Some(household), Some("head")));
    let mut mendes = listed(store, w.org, Some("mendes")).await;
    mendes.sort();
    assert_eq!(mendes, vec![merged, son], "the alias is no longer searchable on the kept record");
    assert_eq!(listed(store, w.org, Some("rosita")).await, vec![kept]);
    // The pair is proposed again.
    assert!(store.dedup_scan(w.org, SCAN_MIN_SCORE).await.unwrap().iter().any(|p| (p.left_id, p.right_id) == (kept, merged)));
    let merges = store.merges(w.org).await.unwrap();
    assert!(merges[0].undone_at.is_some());
    let audit_undone = audit_rows(store).await;
    assert!(audit_undone > audit_merged, "the undo is audited too");
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty(), "{report:?}");
    assert_eq!(report.entries, audit_undone);

    assert_eq!(refused(store.undo_merge(w.actor, merge).await), "merge-error-undone");
    assert!(matches!(store.undo_merge(w.actor, merge + 1000).await, Err(StoreError::NotFound)));
    assert_eq!(audit_rows(store).await, audit_undone);
    // And the pair can be merged again after the undo.
    store.merge_clients(w.actor, kept, merged, "second look").await.unwrap();
    assert_eq!(related(store, kept).await.cases, 3);
}
story!(merge_keeps_everything_and_undo_restores);

async fn concurrent_merges_and_undos(store: &Store) {
    let w = world(store).await;
    for round in 0..5 {
        let dob = format!("19{}0-06-15", 5 + round);
        let a = store.create_client(w.actor, &person("Ruth", "Alvarado", &dob), &[]).await.unwrap();
        let b = store.create_client(w.actor, &person("Ruth", "Alvarado", &dob), &[]).await.unwrap();
        // Two caseworkers merge the same pair at once, in opposite directions.
        let (ab, ba) = tokio::join!(store.merge_clients(w.actor, a, b, "one"), store.merge_clients(w.actor, b, a, "two"));
        let ok = [&ab, &ba].iter().filter(|r| r.is_ok()).count();
        assert_eq!(ok, 1, "exactly one merge wins: {ab:?} / {ba:?}");
        let loser = if ab.is_ok() { ba } else { ab };
        assert_eq!(refused(loser), "merge-error-already-merged");
        let visible = listed(store, w.org, None).await;
        assert_eq!(visible.iter().filter(|id| **id == a || **id == b).count(), 1, "one of the two stays listed");
        // Two undos at once: one wins, the other is refused.
        let merge = store.merges(w.org).await.unwrap()[0].id;
        let before = audit_rows(store).await;
        let (u1, u2) = tokio::join!(store.undo_merge(w.actor, merge), store.undo_merge(w.actor, merge));
        assert_eq!([&u1, &u2].iter().filter(|r| r.is_ok()).count(), 1, "exactly one undo wins: {u1:?} / {u2:?}");
        assert_eq!(refused(if u1.is_ok() { u2 } else { u1 }), "merge-error-undone");
        assert_eq!(audit_rows(store).await, before + 1, "one undo audited");
        let visible = listed(store, w.org, None).await;
        assert!(visible.contains(&a) && visible.contains(&b));
    }
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
}
story!(concurrent_merges_and_undos);
