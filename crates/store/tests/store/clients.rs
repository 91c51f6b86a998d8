//! Clients, contact history and households.

use sendero_domain::{ClientInput, ContactKind, Relationship};
use sendero_store::clients::{ClientQuery, ClientSort};
use sendero_store::{Store, StoreError};

use crate::support::{draft, input, parse, story, world};

fn search(text: &str) -> ClientQuery {
    ClientQuery { search: Some(text.into()), page: 1, per_page: 50, ..Default::default() }
}

async fn names(store: &Store, org: i64, q: &ClientQuery) -> Vec<String> {
    store.list_clients(org, q).await.unwrap().items.iter().map(|c| c.full_name()).collect()
}

async fn create_read_search_page_sort(store: &Store) {
    let w = world(store).await;
    let maria = parse(&ClientInput {
        given_names: "María José".into(),
        family_names: "Hernández López".into(),
        aliases: "Majo".into(),
        birth_date: "1990-04".into(),
        country: "Honduras".into(),
        languages: "Spanish".into(),
        a_number: "A 212-345-678".into(),
    });
    let id =
        store.create_client(w.actor, &maria, &[(ContactKind::Phone, "+1 713 555-0100".into()), (ContactKind::Email, "majo@example.org".into())]).await.unwrap();

    // Read back exactly what was written; the A-number decrypts.
    let c = store.client(w.org, id).await.unwrap();
    assert_eq!(c.org_id, w.org);
    assert_eq!(c.given_names, "María José");
    assert_eq!(c.family_names.as_deref(), Some("Hernández López"));
    assert_eq!(c.aliases.as_deref(), Some("Majo"));
    assert_eq!(c.birth_date.as_deref(), Some("1990-04"));
    assert_eq!(c.country.as_deref(), Some("Honduras"));
    assert_eq!(c.languages.as_deref(), Some("Spanish"));
    assert_eq!(c.a_number.as_deref(), Some("212345678"));
    assert_eq!(c.version, 1);
    assert_eq!(c.household_id, None);
    let contacts = store.contacts(w.org, id).await.unwrap();
    let mut kinds: Vec<(&str, &str)> = contacts.iter().map(|c| (c.kind.as_str(), c.value.as_str())).collect();
    kinds.sort();
    assert_eq!(kinds, vec![("email", "majo@example.org"), ("phone", "+1 713 555-0100")]);
    assert!(contacts.iter().all(|c| c.valid_to.is_none()));

    // The A-number is not stored in clear.
    let raw = sqlx::query(&crate::support::sql(store, "SELECT a_number_enc FROM clients WHERE id = ?")).bind(id).fetch_one(store.pool()).await.unwrap();
    let enc: String = sqlx::Row::get(&raw, "a_number_enc");
    assert!(!enc.contains("212345678"), "{enc}");

    let mohammed = store
        .create_client(
            w.actor,
            &parse(&ClientInput { given_names: "محمد".into(), family_names: "Rahimi".into(), aliases: "Mohammed".into(), ..Default::default() }),
            &[],
        )
        .await
        .unwrap();

    // Search: accent-free, partial, any case, in any script.
    for q in ["hernan", "HERNÁNDEZ", "maria hern", "lopez", "majo"] {
        assert_eq!(names(store, w.org, &search(q)).await, vec!["María José Hernández López"], "search {q:?}");
    }
    for q in ["محمد", "mohammed", "rahi"] {
        let found = store.list_clients(w.org, &search(q)).await.unwrap();
        assert_eq!(found.total, 1, "search {q:?}");
        assert_eq!(found.items[0].id, mohammed, "search {q:?}");
    }
    assert_eq!(names(store, w.org, &search("zzz")).await, Vec::<String>::new());
    // Query syntax is inert.
    for q in ["\"", "*", "hernan OR", "a:* & !", "NEAR(", "'; DROP TABLE clients; --"] {
        store.list_clients(w.org, &search(q)).await.unwrap_or_else(|e| panic!("search {q:?} failed: {e}"));
    }

    // An edit is searchable under the new name.
    store.update_client(w.actor, mohammed, 1, &draft("Mustafa", "Rahimi")).await.unwrap();
    assert_eq!(store.list_clients(w.org, &search("محمد")).await.unwrap().total, 0);
    assert_eq!(names(store, w.org, &search("musta")).await, vec!["Mustafa Rahimi"]);

    // Paging and sorting over 23 more people (ASCII names: collation-neutral order).
    for i in 0..23 {
        store.create_client(w.actor, &draft(&format!("Person{i:02}"), &format!("Zz{:02}", 22 - i)), &[]).await.unwrap();
    }
    let page = |n: i64, sort: ClientSort| ClientQuery { search: None, sort, page: n, per_page: 10 };
    let p1 = store.list_clients(w.org, &page(1, ClientSort::Name)).await.unwrap();
    assert_eq!(p1.total, 25);
    assert_eq!(p1.pages(), 3);
    assert_eq!(p1.items.len(), 10);
    assert_eq!(p1.items[0].full_name(), "María José Hernández López");
    assert_eq!(p1.items[1].full_name(), "Mustafa Rahimi");
    assert_eq!(p1.items[2].full_name(), "Person22 Zz00");
    let p3 = store.list_clients(w.org, &page(3, ClientSort::Name)).await.unwrap();
    assert_eq!(p3.items.len(), 5);
    assert_eq!(p3.items[4].full_name(), "Person00 Zz22");
    let beyond = store.list_clients(w.org, &page(4, ClientSort::Name)).await.unwrap();
    assert!(beyond.items.is_empty());
    assert_eq!(beyond.total, 25);
    // Every client exactly once across the pages.
    let mut seen = Vec::new();
    for n in 1..=3 {
        seen.extend(store.list_clients(w.org, &page(n, ClientSort::Name)).await.unwrap().items.into_iter().map(|c| c.id));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 25);
    let newest = store.list_clients(w.org, &page(1, ClientSort::Newest)).await.unwrap();
    assert_eq!(newest.items[0].full_name(), "Person22 Zz00");
    assert_eq!(newest.items[1].full_name(), "Person21 Zz01");
    let updated = store.list_clients(w.org, &page(1, ClientSort::Updated)).await.unwrap();
    assert_eq!(updated.items[0].full_name(), "Person22 Zz00");
    let mut by_search = search("person1");
    by_search.per_page = 4;
    let found = store.list_clients(w.org, &by_search).await.unwrap();
    assert_eq!(found.total, 10, "Person10..Person19");
    assert_eq!(found.pages(), 3);
    assert_eq!(found.items.len(), 4);

    // Another organization sees nothing of this one.
    let theirs = store.create_client(w.other, &draft("María", "Hernández"), &[]).await.unwrap();
    assert!(matches!(store.client(w.other_org, id).await, Err(StoreError::NotFound)));
    assert!(matches!(store.client(w.org, theirs).await, Err(StoreError::NotFound)));
    let mine = store.list_clients(w.org, &search("hernandez")).await.unwrap();
    assert_eq!(mine.total, 1);
    assert_eq!(mine.items[0].id, id);
    let other_list = store.list_clients(w.other_org, &page(1, ClientSort::Name)).await.unwrap();
    assert_eq!(other_list.total, 1);
    assert_eq!(other_list.items[0].id, theirs);
    assert!(store.contacts(w.other_org, id).await.unwrap().is_empty());
    // Another organization cannot edit it either.
    assert!(matches!(store.update_client(w.other, id, 1, &draft("X", "Y")).await, Err(StoreError::NotFound)));
    assert_eq!(store.client(w.org, id).await.unwrap().given_names, "María José");
}
story!(create_read_search_page_sort);

async fn concurrent_edit_conflict(store: &Store) {
    let w = world(store).await;
    let original = ClientInput {
        given_names: "Ana".into(),
        family_names: "Castillo".into(),
        country: "Honduras".into(),
        languages: "Spanish".into(),
        ..Default::default()
    };
    let id = store.create_client(w.actor, &parse(&original), &[]).await.unwrap();
    let loaded = store.client(w.org, id).await.unwrap();

    // Two people open the same record; the first saves a new country.
    let first = ClientInput { country: "Guatemala".into(), ..original.clone() };
    store.update_client(w.actor, id, loaded.version, &parse(&first)).await.unwrap();
    // The second, still on the old version, edits the family name.
    let second = ClientInput { family_names: "Castillo Pérez".into(), ..original.clone() };
    match store.update_client(w.actor, id, loaded.version, &parse(&second)).await {
        Err(StoreError::Conflict { current_version, changed }) => {
            assert_eq!(current_version, loaded.version + 1);
            assert_eq!(changed, vec!["family_names", "country"]);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    // Nothing of the second edit was written.
    let now = store.client(w.org, id).await.unwrap();
    assert_eq!(now.family_names.as_deref(), Some("Castillo"));
    assert_eq!(now.country.as_deref(), Some("Guatemala"));
    assert_eq!(now.version, loaded.version + 1);
    // Reloaded, the second person can save.
    let merged = ClientInput { family_names: "Castillo Pérez".into(), country: "Guatemala".into(), ..original };
    store.update_client(w.actor, id, now.version, &parse(&merged)).await.unwrap();
    let last = store.client(w.org, id).await.unwrap();
    assert_eq!(last.family_names.as_deref(), Some("Castillo Pérez"));
    assert_eq!(last.version, loaded.version + 2);
    // A missing client is not a conflict.
    assert!(matches!(store.update_client(w.actor, id + 1000, 1, &parse(&merged)).await, Err(StoreError::NotFound)));
}
story!(concurrent_edit_conflict);

async fn contact_history(store: &Store) {
    let w = world(store).await;
    let id = store
        .create_client(
            w.actor,
            &draft("Yulimar", "Ramírez"),
            &[(ContactKind::Phone, "+1 520 555-0101".into()), (ContactKind::Email, "yuli@example.org".into())],
        )
        .await
        .unwrap();
    let old_phone = store.contacts(w.org, id).await.unwrap();
    let old_phone = old_phone.iter().find(|c| c.kind == "phone").unwrap().id;

    let new_phone = store.add_contact(w.actor, id, ContactKind::Phone, "+1 303 555-0103", true).await.unwrap();
    let contacts = store.contacts(w.org, id).await.unwrap();
    assert_eq!(contacts.len(), 3, "the old phone is kept as history");
    let old = contacts.iter().find(|c| c.id == old_phone).unwrap();
    let new = contacts.iter().find(|c| c.id == new_phone).unwrap();
    assert_eq!(old.value, "+1 520 555-0101");
    assert!(old.valid_to.is_some(), "old phone ended");
    assert!(old.valid_to.as_deref().unwrap() >= old.valid_from.as_str());
    assert_eq!(new.value, "+1 303 555-0103");
    assert!(new.valid_to.is_none(), "new phone current");
    // Current channels first, history last; the e-mail is untouched.
    assert_eq!(contacts.last().unwrap().id, old_phone);
    assert!(contacts.iter().any(|c| c.kind == "email" && c.valid_to.is_none()));

    // Without replaces_current, a second phone is simply added.
    let extra = store.add_contact(w.actor, id, ContactKind::Phone, "+1 303 555-0199", false).await.unwrap();
    let contacts = store.contacts(w.org, id).await.unwrap();
    assert_eq!(contacts.iter().filter(|c| c.kind == "phone" && c.valid_to.is_none()).count(), 2);
    // Ending a contact keeps it as history; ending it twice changes nothing; another
    // organization's contact is NotFound.
    store.end_contact(w.actor, extra).await.unwrap();
    let ended_at = store.contacts(w.org, id).await.unwrap().into_iter().find(|c| c.id == extra).unwrap().valid_to;
    store.end_contact(w.actor, extra).await.unwrap();
    let again = store.contacts(w.org, id).await.unwrap().into_iter().find(|c| c.id == extra).unwrap().valid_to;
    assert_eq!(ended_at, again);
    assert!(matches!(store.end_contact(w.other, new_phone).await, Err(StoreError::NotFound)));
    let contacts = store.contacts(w.org, id).await.unwrap();
    assert_eq!(contacts.len(), 4);
    assert_eq!(contacts.iter().filter(|c| c.valid_to.is_none()).count(), 2, "new phone and e-mail");
}
story!(contact_history);

async fn households(store: &Store) {
    let w = world(store).await;
    let mother = store.create_client(w.actor, &draft("Martha", "Castillo"), &[]).await.unwrap();
    let father = store.create_client(w.actor, &draft("Ernesto", "Castillo"), &[]).await.unwrap();
    let hid = store.create_household(w.actor, "Castillo family", mother).await.unwrap();
    store.add_household_member(w.actor, hid, father, Relationship::Spouse).await.unwrap();
    let child = store
        .create_household_member(w.actor, hid, &parse(&ClientInput { birth_date: "2014-06-10".into(), ..input("Scarleth", "Castillo") }), Relationship::Child)
        .await
        .unwrap();

    let h = store.household(w.org, hid).await.unwrap();
    assert_eq!(h.name, "Castillo family");
    let members: Vec<(i64, Option<&str>)> = h.members.iter().map(|m| (m.id, m.relationship.as_deref())).collect();
    assert_eq!(members.len(), 3);
    assert_eq!(members[0], (mother, Some("head")));
    assert!(members.contains(&(father, Some("spouse"))));
    assert!(members.contains(&(child, Some("child"))));
    assert!(h.members.iter().all(|m| m.household_id == Some(hid)));

    // A new head demotes the old one: still one head, listed first.
    store.add_household_member(w.actor, hid, father, Relationship::Head).await.unwrap();
    let h = store.household(w.org, hid).await.unwrap();
    assert_eq!(h.members[0].id, father);
    assert_eq!(h.members[0].relationship.as_deref(), Some("head"));
    assert_eq!(h.members.iter().filter(|m| m.relationship.as_deref() == Some("head")).count(), 1);
    let old_head = h.members.iter().find(|m| m.id == mother).unwrap();
    assert_eq!(old_head.relationship.as_deref(), Some("other_relative"));
    assert!(old_head.version > 1, "demotion is an edit (version bumped)");

    // Tenancy: another organization can neither read nor join it.
    assert!(matches!(store.household(w.other_org, hid).await, Err(StoreError::NotFound)));
    let stranger = store.create_client(w.other, &draft("Otro", "Persona"), &[]).await.unwrap();
    assert!(matches!(store.add_household_member(w.actor, hid, stranger, Relationship::Child).await, Err(StoreError::NotFound)));
    assert_eq!(store.household(w.org, hid).await.unwrap().members.len(), 3);
}
story!(households);
