//! Demo data for sharing and reporting: Mr. Pérez's consent to share with the Houston partner
//! for ninety days (scenario 7), a transfer waiting for the Dubuque partner, and program costs
//! so the board report can compute cost per participant-day (scenario 8).

use chrono::Datelike;
use sendero_domain::consent::{ConsentDraft, ConsentInput};
use sqlx::Row;

use crate::{today, Actor, Store};

impl Store {
    async fn demo_org(&self, name: &str) -> anyhow::Result<i64> {
        Ok(sqlx::query(self.q("SELECT id FROM organizations WHERE name = ?")).bind(name.to_owned()).fetch_one(self.pool()).await?.try_get("id")?)
    }

    async fn demo_person(&self, org: i64, given: &str, family: &str) -> anyhow::Result<i64> {
        Ok(sqlx::query(self.q("SELECT id FROM clients WHERE org_id = ? AND given_names = ? AND family_names = ? ORDER BY id LIMIT 1"))
            .bind(org)
            .bind(given.to_owned())
            .bind(family.to_owned())
            .fetch_one(self.pool())
            .await?
            .try_get("id")?)
    }

    pub(crate) async fn seed_sharing_demo(&self) -> anyhow::Result<()> {
        let lead = self.demo_org("Camino Community Services").await?;
        let houston = self.demo_org("Puerta Abierta Houston").await?;
        let dubuque = self.demo_org("Dubuque Neighbors Network").await?;
        let manager = self.user_by_email("casemanager@demo.sendero.org").await?.map(|u| u.id);
        let actor = Actor { user_id: manager, org_id: lead };
        let darwin = self.demo_person(lead, "Darwin", "Pérez Mejía").await?;
        let start = today();
        let input = ConsentInput {
            purpose: "Hearing at the Houston immigration court: support and transport".into(),
            recipient: houston.to_string(),
            scopes: vec!["hearings".into(), "service_plan".into(), "case".into()],
            starts_on: start.to_string(),
            ends_on: (start + chrono::Days::new(90)).to_string(),
            method: "signed".into(),
            language: "Spanish".into(),
            ..Default::default()
        };
        let draft = ConsentDraft::parse(&input, lead, start).map_err(|e| anyhow::anyhow!("demo consent: {e}"))?;
        self.record_consent(actor, darwin, &draft).await?;

        let joseph = self.demo_person(lead, "Wilner", "Joseph").await?;
        if let Some(case) = self.client_cases(lead, joseph).await?.first() {
            let summary = "The Joseph family (Haitian Creole) lives in Dubuque now. ICE check-in in Cedar Rapids next month; they need rides and a Creole-speaking volunteer. School enrolment for the children is done.";
            self.propose_transfer(actor, case.id, dubuque, summary, true).await?;
        }

        // A year of program costs, so cost per participant-day has something to divide.
        let year_ago = start - chrono::Days::new(364);
        for (program, per_year) in self.programs(lead).await?.into_iter().zip([125_000_000_i64, 38_000_000, 26_000_000, 9_000_000]) {
            self.add_program_cost(actor, program.id, year_ago, start, per_year, "Staff, rent, transport and interpretation").await?;
        }
        self.seed_schedule_demo(lead).await?;
        self.spread_demo_history().await
    }

    /// A monthly board report for the director and the evaluator, due on the first of this
    /// month, so the worker of `serve --demo` makes last month's report as soon as it starts.
    async fn seed_schedule_demo(&self, lead: i64) -> anyhow::Result<()> {
        let mut recipients = Vec::new();
        for email in ["admin@demo.sendero.org", "evaluator@demo.sendero.org"] {
            recipients.extend(self.user_by_email(email).await?.map(|u| u.id));
        }
        let actor = Actor { user_id: recipients.first().copied(), org_id: lead };
        let first_of_month = today().with_day(1).expect("every month has a first day");
        let schedule = crate::report_schedules::NewSchedule {
            report: "board",
            format: "pdf",
            cadence: "monthly",
            program_id: None,
            language: "en",
            recipients: &recipients,
        };
        self.create_report_schedule(actor, &schedule, first_of_month).await?;
        Ok(())
    }

    /// Demo cases are created in one go; spread their histories over the past year so that
    /// participant-days, time in phase and closure dates look like a program's real year.
    async fn spread_demo_history(&self) -> anyhow::Result<()> {
        let now = chrono::Utc::now();
        let cases = sqlx::query("SELECT id FROM cases ORDER BY id").fetch_all(self.pool()).await?;
        let mut w = self.begin_write().await?;
        for row in &cases {
            let id: i64 = row.try_get("id")?;
            // A fixed spread (no randomness): 20 to 359 days of history per case.
            let days = 20 + (id * 7919) % 340;
            let opened = now - chrono::Duration::days(days);
            let events = sqlx::query(self.q("SELECT id FROM case_events WHERE case_id = ? ORDER BY id")).bind(id).fetch_all(&mut *w.tx).await?;
            let step = days / (events.len() as i64 + 1);
            let mut last = opened;
            for (i, e) in events.iter().enumerate() {
                last = opened + chrono::Duration::days(step * i as i64);
                sqlx::query(self.q("UPDATE case_events SET at = ? WHERE id = ?"))
                    .bind(crate::format_time(last))
                    .bind(e.try_get::<i64, _>("id")?)
                    .execute(&mut *w.tx)
                    .await?;
            }
            sqlx::query(self.q("UPDATE cases SET opened_at = ?, updated_at = ?, closed_at = CASE WHEN status = 'closed' THEN ? ELSE NULL END WHERE id = ?"))
                .bind(crate::format_time(opened))
                .bind(crate::format_time(last))
                .bind(crate::format_time(last))
                .bind(id)
                .execute(&mut *w.tx)
                .await?;
        }
        w.commit().await?;
        Ok(())
    }
}
