//! Demo data for service plans, the service log, the directory and referrals, drawn from the
//! scenarios: Amina Haddad's plan and crisis plan, Darwin Pérez's referral to the Houston
//! partner and his bus ticket, the Castillo family's shelter referral (left unanswered, so it
//! shows as overdue).

use chrono::Duration;
use sendero_domain::services::RateUnit;
use sqlx::Row;

use crate::referrals::{NewReferral, ReferralTarget};
use crate::services::{CrisisPlan, NewService, ServiceSettings};
use crate::{today, Actor, Store};
use sendero_domain::services::ReferralStatus;

/// The demo directory: clinics, legal aid, schools, food banks and shelters in the demo cities,
/// with Spanish translations.
pub const DEMO_DIRECTORY: &[u8] = include_bytes!("../../hsds/sample/demo-directory.json");

impl Store {
    /// (case id, case manager) of the demo person with these given names in `org`.
    async fn demo_case(&self, org: i64, given: &str, family: &str) -> anyhow::Result<Option<(i64, Option<i64>)>> {
        let row = sqlx::query(self.q(
            "SELECT k.id, k.case_manager_id FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.org_id = ? AND c.given_names = ? AND c.family_names = ? ORDER BY k.id LIMIT 1",
        ))
        .bind(org)
        .bind(given)
        .bind(family)
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(r) => Some((r.try_get("id")?, r.try_get("case_manager_id")?)),
            None => None,
        })
    }

    pub async fn seed_demo_services(&self, consortium: i64) -> anyhow::Result<()> {
        let orgs =
            sqlx::query(self.q("SELECT id, city FROM organizations WHERE consortium_id = ? ORDER BY id")).bind(consortium).fetch_all(self.pool()).await?;
        let Some(lead) = orgs.first().map(|r| r.try_get::<i64, _>("id")).transpose()? else { return Ok(()) };
        let mut houston = None;
        for r in &orgs {
            if r.try_get::<Option<String>, _>("city")?.is_some_and(|c| c.starts_with("Houston")) {
                houston = Some(r.try_get::<i64, _>("id")?);
            }
        }
        let files = std::collections::BTreeMap::from([("demo-directory.json".to_owned(), DEMO_DIRECTORY.to_vec())]);
        let directory = sendero_hsds::import(&files).map_err(|e| anyhow::anyhow!("demo directory: {e}"))?;
        for r in &orgs {
            let org: i64 = r.try_get("id")?;
            self.import_directory(Actor { user_id: None, org_id: org }, &directory, "demo-directory.json").await?;
        }
        let system = Actor { user_id: None, org_id: lead };
        self.set_service_settings(system, None, ServiceSettings { referral_wait_days: 5, eligibility_months: None }).await?;
        let funder = self.create_funder(system, "Office for Victims of Crime").await?;
        let day = |n: i64| today() - Duration::days(n);
        let service_id = |name: &str| directory.records("service").iter().find(|s| s["name"] == name).and_then(|s| s["id"].as_str()).map(str::to_owned);

        // 6. Amina Haddad: plan with her, a crisis plan, services billed per capita.
        if let Some((case, manager)) = self.demo_case(lead, "Amina", "Haddad").await? {
            let program: i64 = self.case(lead, case).await?.program_id;
            let actor = Actor { user_id: manager, org_id: lead };
            self.set_service_settings(actor, Some(program), ServiceSettings { referral_wait_days: 5, eligibility_months: Some(9) }).await?;
            for (category, unit, cents) in [
                ("housing", RateUnit::ClientMonth, 45_000),
                ("mental_health", RateUnit::QuarterHour, 2_000),
                ("legal_information", RateUnit::Service, 3_500),
                ("medical_care", RateUnit::Service, 6_000),
                ("employment", RateUnit::Service, 2_500),
            ] {
                self.set_rate(actor, funder, program, category, unit, cents).await?;
            }
            let goals = [
                ("housing", "Tener un lugar seguro donde vivir, lejos de ellos"),
                ("legal_information", "I want to understand my visa options and talk to a lawyer"),
                ("medical_care", "See a doctor about my back and sleep"),
                ("employment", "Work as a seamstress again"),
            ];
            let mut version = 0;
            let mut first_goal = None;
            for (area, text) in goals {
                let id = self.add_goal(actor, case, version, Some(area), text, day(20)).await?;
                first_goal.get_or_insert(id);
                version = self.service_plan(lead, case).await?.version;
            }
            let crisis = CrisisPlan {
                warning_signs: "Calls or messages from unknown numbers; someone waiting outside the building".into(),
                safe_contacts: "Case manager (24-hour line +1 718 555-0100); her sister Rania in Dearborn".into(),
                steps: "Go to a public place, call the 24-hour line, then 911 if in danger. Do not answer unknown numbers.".into(),
            };
            self.save_crisis_plan(actor, case, version, &crisis).await?;
            if let Some(goal) = first_goal {
                self.add_goal_progress(actor, goal, day(6), "Visited the transitional housing program; a room opens next week").await?;
                self.add_goal_task(actor, goal, "Bring ID and the referral letter to the housing intake", Some(day(-3)), None).await?;
            }
            for (category, ago, minutes, provider, cost) in [
                ("trafficking_screening", 20, 60, "staff", 0),
                ("housing", 15, 45, "partner", 0),
                ("mental_health", 12, 50, "external", 0),
                ("legal_information", 8, 90, "partner", 0),
                ("medical_care", 4, 40, "external", 3_500),
            ] {
                let s = NewService {
                    case_id: case,
                    category: category.into(),
                    provided_on: day(ago),
                    minutes,
                    provider_kind: provider.into(),
                    provider_name: None,
                    location: Some("Brooklyn".into()),
                    cost_cents: cost,
                    funder_id: Some(funder),
                    note: None,
                };
                self.log_service(actor, &s).await?;
            }
            if let Some(counseling) = service_id("Trauma counseling") {
                let r = NewReferral {
                    case_id: case,
                    target: ReferralTarget::Directory(counseling),
                    category: Some("mental_health".into()),
                    shared_fields: vec!["name".into(), "languages".into(), "needs".into()],
                    needs: Some("Counseling in Arabic for a survivor of trafficking".into()),
                    consent_by: "Amina Haddad".into(),
                    consent_method: "signed".into(),
                    consent_on: day(13),
                    sent_on: day(13),
                };
                let id = self.create_referral(actor, &r).await?;
                self.update_referral(actor, id, 1, ReferralStatus::Accepted, None).await?;
                self.update_referral(actor, id, 2, ReferralStatus::InProgress, None).await?;
            }
        }

        // 1. Darwin Pérez: referred to the Houston partner, who accepted; a bus ticket.
        if let Some((case, manager)) = self.demo_case(lead, "Darwin", "Pérez Mejía").await? {
            let actor = Actor { user_id: manager, org_id: lead };
            if let Some(partner) = houston {
                let r = NewReferral {
                    case_id: case,
                    target: ReferralTarget::Organization(partner),
                    category: Some("legal_information".into()),
                    shared_fields: vec!["name".into(), "phone".into(), "languages".into(), "needs".into()],
                    needs: Some("Master calendar hearing in Houston in two days; needs accompaniment and a place to stay".into()),
                    consent_by: "Darwin Pérez Mejía".into(),
                    consent_method: "verbal".into(),
                    consent_on: day(1),
                    sent_on: day(1),
                };
                let id = self.create_referral(actor, &r).await?;
                self.answer_referral(Actor { user_id: None, org_id: partner }, id, 1, ReferralStatus::Accepted, None).await?;
            }
            let bus = NewService {
                case_id: case,
                category: "transportation".into(),
                provided_on: day(1),
                minutes: 0,
                provider_kind: "staff".into(),
                provider_name: Some("Greyhound ticket New York → Houston".into()),
                location: None,
                cost_cents: 8_900,
                funder_id: None,
                note: None,
            };
            self.log_service(actor, &bus).await?;
        }

        // 2. The Castillo family: temporary housing, a shelter referral still unanswered.
        if let Some((case, manager)) = self.demo_case(lead, "Martha Lorena", "Castillo Obando").await? {
            let actor = Actor { user_id: manager, org_id: lead };
            for (category, minutes, cost) in [("temporary_housing_assistance", 30, 24_000), ("school_enrolment", 120, 0)] {
                let s = NewService {
                    case_id: case,
                    category: category.into(),
                    provided_on: day(9),
                    minutes,
                    provider_kind: "staff".into(),
                    provider_name: None,
                    location: Some("Queens".into()),
                    cost_cents: cost,
                    funder_id: None,
                    note: None,
                };
                self.log_service(actor, &s).await?;
            }
            if let Some(shelter) = service_id("Emergency family shelter") {
                let r = NewReferral {
                    case_id: case,
                    target: ReferralTarget::Directory(shelter),
                    category: Some("temporary_housing_assistance".into()),
                    shared_fields: vec!["household_size".into(), "languages".into(), "needs".into()],
                    needs: Some("Mother and two children, no place to stay".into()),
                    consent_by: "Martha Lorena Castillo Obando".into(),
                    consent_method: "verbal".into(),
                    consent_on: day(9),
                    sent_on: day(9),
                };
                self.create_referral(actor, &r).await?;
            }
        }
        Ok(())
    }
}
