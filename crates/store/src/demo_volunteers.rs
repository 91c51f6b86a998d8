//! Demo data for care networks: volunteers (cleared, one expiring, one expired, one not
//! cleared, one waiting), the Castillo and Joseph networks with tasks and messages, rides, two
//! guardians and Yeferson's match (SCENARIOS.md 2, 4 and 5).

use chrono::Duration;
use sendero_domain::care::availability::{Availability, DAYS};
use sendero_domain::care::geo::zip_point;
use sendero_domain::care::network::canonical_language;
use sendero_domain::care::rides::RideDraft;
use sendero_domain::care::signup::{GuardianDraft, GuardianInput, VolunteerDraft};
use sendero_domain::care::{CheckStatus, NetworkRole, RequestKind, RidePurpose};
use sendero_domain::{ClientDraft, ClientInput};
use sqlx::Row;

use crate::care_networks::TaskAction;
use crate::care_notices::PlainTexts;
use crate::volunteers::TrainingSubject;
use crate::{today, Actor, Store};

struct DemoVolunteer {
    name: &'static str,
    email: &'static str,
    languages: &'static str,
    zip: &'static str,
    drives: bool,
    /// Days from today to the clearance's expiry; `None`: the check is not cleared.
    cleared_for: Option<i64>,
    check: CheckStatus,
}

const VOLUNTEERS: [DemoVolunteer; 7] = [
    DemoVolunteer {
        name: "Grace Miller",
        email: "volunteer@demo.sendero.org",
        languages: "English, Spanish",
        zip: "10451",
        drives: true,
        cleared_for: Some(600),
        check: CheckStatus::Cleared,
    },
    DemoVolunteer {
        name: "Jean-Robert Désir",
        email: "jrdesir@demo.sendero.org",
        languages: "Haitian Creole, French, English",
        zip: "52001",
        drives: true,
        cleared_for: Some(500),
        check: CheckStatus::Cleared,
    },
    DemoVolunteer {
        name: "Ana Lucía Torres",
        email: "atorres@demo.sendero.org",
        languages: "Spanish, English",
        zip: "10456",
        drives: false,
        cleared_for: Some(400),
        check: CheckStatus::Cleared,
    },
    DemoVolunteer {
        name: "Tom Becker",
        email: "tbecker@demo.sendero.org",
        languages: "English",
        zip: "52002",
        drives: true,
        cleared_for: Some(12),
        check: CheckStatus::Cleared,
    },
    DemoVolunteer {
        name: "Kevin O'Neill",
        email: "koneill@demo.sendero.org",
        languages: "English, Haitian Creole",
        zip: "52003",
        drives: true,
        cleared_for: Some(-25),
        check: CheckStatus::Cleared,
    },
    DemoVolunteer {
        name: "Sarah Kim",
        email: "skim@demo.sendero.org",
        languages: "English, Korean",
        zip: "10458",
        drives: true,
        cleared_for: None,
        check: CheckStatus::NotCleared,
    },
    DemoVolunteer {
        name: "Luis Ortega",
        email: "lortega@demo.sendero.org",
        languages: "Spanish",
        zip: "11368",
        drives: false,
        cleared_for: None,
        check: CheckStatus::Requested,
    },
];

fn every_slot() -> Availability {
    let slots: Vec<String> = DAYS.iter().flat_map(|d| ["am", "pm", "eve"].map(|p| format!("{d}-{p}"))).collect();
    Availability { weekly: Availability::weekly_from_slots(slots.iter().map(String::as_str)).expect("demo slots"), away: vec![] }
}

impl Store {
    /// Seed the care-network demo into the lead organization (the one with the demo accounts).
    pub async fn seed_demo_volunteers(&self) -> anyhow::Result<()> {
        let Some(supervisor) = self.user_by_email("supervisor@demo.sendero.org").await? else { return Ok(()) };
        let org = supervisor.org_id;
        let boss = Actor { user_id: Some(supervisor.id), org_id: org };
        let today = today();
        let mut ids = Vec::new();
        for v in &VOLUNTEERS {
            let draft = VolunteerDraft {
                name: v.name.into(),
                email: v.email.into(),
                phone: None,
                languages: v.languages.split(',').map(canonical_language).collect::<Vec<_>>().join(", "),
                zip: v.zip.into(),
                home: zip_point(v.zip),
                can_drive: v.drives,
                licence_expires: v.drives.then(|| today + Duration::days(900)),
                insurance_expires: v.drives.then(|| today + Duration::days(200)),
                availability: every_slot(),
            };
            self.apply_volunteer(org, &draft).await?;
            let row = self.volunteers(org, "applied", v.name).await?.into_iter().next().ok_or_else(|| anyhow::anyhow!("demo volunteer {}", v.name))?;
            if v.check == CheckStatus::Requested {
                continue;
            }
            self.approve_volunteer(boss, row.id, row.version, &PlainTexts).await?;
            let check = self.request_check(boss, v.email, v.name).await?;
            let expires = v.cleared_for.map(|d| today + Duration::days(d));
            self.update_check(boss, check, 1, v.check, expires, Some("Consortium check: fingerprints and references")).await?;
            let completed = today - Duration::days(200);
            let training_expires = if v.cleared_for == Some(12) { today + Duration::days(20) } else { today + Duration::days(500) };
            self.record_training(boss, TrainingSubject::Volunteer(row.id), "Care network orientation", completed, Some(training_expires)).await?;
            ids.push((v.name, self.volunteer(org, row.id).await?));
        }
        let volunteer = |name: &str| ids.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).expect("demo volunteer");
        let household = |name: &'static str| async move {
            let row = sqlx::query(self.q("SELECT id FROM households WHERE org_id = ? AND name = ?")).bind(org).bind(name).fetch_optional(self.pool()).await?;
            anyhow::Ok(row.map(|r| r.get::<i64, _>("id")))
        };
        let case_manager = self.user_by_email("casemanager@demo.sendero.org").await?.map(|u| u.id);
        // The Castillo family's network.
        if let Some(castillo) = household("Castillo family").await? {
            let network = self.create_network(boss, castillo).await?;
            if let Some(cm) = case_manager {
                self.add_network_member(boss, network, cm, NetworkRole::Coordinator).await?;
            }
            let grace = volunteer("Grace Miller");
            let grace_user = grace.user_id.expect("approved");
            self.add_network_member(boss, network, grace_user, NetworkRole::Mentor).await?;
            self.add_network_member(boss, network, grace_user, NetworkRole::Driver).await?;
            self.add_network_member(boss, network, volunteer("Ana Lucía Torres").user_id.expect("approved"), NetworkRole::Interpreter).await?;
            self.add_task(boss, network, "Find winter coats for Scarleth and Ernesto", Some(today + Duration::days(5))).await?;
            let school = self.add_task(boss, network, "Go with Martha to the school enrollment office", Some(today + Duration::days(2))).await?;
            self.update_task(Actor { user_id: Some(grace_user), org_id: org }, network, school, TaskAction::Take).await?;
            let shelter = self.add_task(boss, network, "Bring the shelter intake documents", None).await?;
            self.update_task(boss, network, shelter, TaskAction::Done).await?;
            self.post_message(boss, network, "Martha prefers calls after 4 pm; the children are at school until 3.").await?;
            self.post_message(Actor { user_id: Some(grace_user), org_id: org }, network, "I can drive on Saturday mornings.").await?;
            // A medical ride last month, done and logged.
            let past = (today - Duration::days(30)).and_hms_opt(10, 0, 0).expect("valid time");
            let ride = RideDraft {
                kind: RequestKind::Ride,
                purpose: RidePurpose::Medical,
                pickup: "Shelter, 1200 Grand Concourse, Bronx".into(),
                destination: "Lincoln Medical Center".into(),
                place: zip_point("10451"),
                at: past,
                passengers: 3,
                child_seats: 1,
                language: Some("spanish".into()),
                transit_note: Some("Bus Bx1 then a short walk".into()),
            };
            let (id, _) = self.request_ride(boss, castillo, &ride, &PlainTexts).await?;
            if self.accept_ride(org, id, grace.id, &PlainTexts).await.is_ok() {
                self.log_mileage(boss, id, Some(grace.id), 142).await?;
            }
            // An interpreter for the ICE check-in next week.
            let interp = RideDraft {
                kind: RequestKind::Interpretation,
                purpose: RidePurpose::IceCheckIn,
                pickup: "ICE office, 26 Federal Plaza".into(),
                destination: String::new(),
                place: zip_point("10001"),
                at: (today + Duration::days(8)).and_hms_opt(9, 0, 0).expect("valid time"),
                passengers: 1,
                child_seats: 0,
                language: Some("spanish".into()),
                transit_note: None,
            };
            self.request_ride(boss, castillo, &interp, &PlainTexts).await?;
        }
        // The Joseph family's ride to the check-in in Cedar Rapids (offered to the cleared
        // Creole-speaking driver; the volunteer whose check expired is not offered it).
        if let Some(joseph) = household("Joseph family").await? {
            let network = self.create_network(boss, joseph).await?;
            if let Some(cm) = case_manager {
                self.add_network_member(boss, network, cm, NetworkRole::Coordinator).await?;
            }
            let jr = volunteer("Jean-Robert Désir");
            self.add_network_member(boss, network, jr.user_id.expect("approved"), NetworkRole::Driver).await?;
            self.add_network_member(boss, network, volunteer("Tom Becker").user_id.expect("approved"), NetworkRole::NaturalHelper).await?;
            let ride = RideDraft {
                kind: RequestKind::Ride,
                purpose: RidePurpose::IceCheckIn,
                pickup: "1450 Central Ave, Dubuque".into(),
                destination: "ICE field office, Cedar Rapids".into(),
                place: zip_point("52001"),
                at: (today + Duration::days(6)).and_hms_opt(8, 0, 0).expect("valid time"),
                passengers: 2,
                child_seats: 0,
                language: Some("haitian creole".into()),
                transit_note: Some("No bus connects Dubuque and Cedar Rapids before 9 am".into()),
            };
            let (id, _) = self.request_ride(boss, joseph, &ride, &PlainTexts).await?;
            self.accept_ride(org, id, jr.id, &PlainTexts).await?;
        }
        self.seed_demo_guardians(boss).await
    }

    async fn seed_demo_guardians(&self, boss: Actor) -> anyhow::Result<()> {
        let org = boss.org_id;
        let today = today();
        let mut guardians = Vec::new();
        for (name, email, languages, zip, cap) in [
            ("Marta Ruiz", "mruiz@demo.sendero.org", "Spanish, English", "10452", 2),
            ("Paul Gómez", "pgomez@demo.sendero.org", "Spanish, English", "11372", 1),
        ] {
            let input = GuardianInput {
                name: name.into(),
                email: email.into(),
                languages: languages.into(),
                zip: zip.into(),
                motivation: "I was an unaccompanied minor myself.".into(),
                ..Default::default()
            };
            self.apply_guardian(org, &GuardianDraft::parse(&input).map_err(|e| anyhow::anyhow!("{e}"))?).await?;
            let id = self.guardians(org).await?.into_iter().find(|g| g.email == email).map(|g| g.id).expect("just applied");
            self.approve_guardian(boss, id, cap).await?;
            let check = self.request_check(boss, email, name).await?;
            self.update_check(boss, check, 1, CheckStatus::Cleared, Some(today + Duration::days(700)), None).await?;
            self.record_training(boss, TrainingSubject::Guardian(id), "Guardianship and SIJS basics", today - Duration::days(90), None).await?;
            guardians.push(id);
        }
        let attorney = self.user_by_email("attorney@demo.sendero.org").await?.map(|u| Actor { user_id: Some(u.id), org_id: org }).unwrap_or(boss);
        // Paul takes another minor and reaches his cap of one: attorneys no longer see him.
        let minor = ClientDraft::parse(
            &ClientInput {
                given_names: "Brayan".into(),
                family_names: "Zelaya".into(),
                birth_date: (today - Duration::days(16 * 365)).to_string(),
                country: "Guatemala".into(),
                languages: "Spanish".into(),
                ..Default::default()
            },
            today,
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let brayan = self.create_client(boss, &minor, &[]).await?;
        let (_, token) = self.request_guardian_match(attorney, guardians[1], brayan, &PlainTexts).await?;
        self.answer_guardian_match(&token, true).await?;
        // Yeferson (17 years and 4 months) is matched with Marta.
        let yeferson = sqlx::query(self.q("SELECT id FROM clients WHERE org_id = ? AND given_names = 'Yeferson' ORDER BY id LIMIT 1"))
            .bind(org)
            .fetch_optional(self.pool())
            .await?
            .map(|r| r.get::<i64, _>("id"));
        if let Some(yeferson) = yeferson {
            let (_, token) = self.request_guardian_match(attorney, guardians[0], yeferson, &PlainTexts).await?;
            self.answer_guardian_match(&token, true).await?;
        }
        Ok(())
    }
}
