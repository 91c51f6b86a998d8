//! Demo data for the alternatives-to-detention pilot's intake and lottery: candidates from
//! referrals, walk-ins and outreach, the phase 1 and phase 3 eligibility rules, one published
//! and drawn round with selected, comparison and wait-listed people, and follow-up outcomes.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sendero_domain::eligibility::{Screening, PHASE_1_RULE, PHASE_3_RULE};
use sendero_domain::intake::{CandidateDraft, ReferralSource};
use sendero_domain::lottery::{Group, Strata};
use sendero_domain::ProgramKind;

use crate::intake::Origin;
use crate::lottery::{FollowUp, SeedSource, StratumCapacity};
use crate::{Actor, Store};

/// The public value the demo round's seed is derived from.
pub const DEMO_PUBLIC_VALUE: &str = "NY Lotto 2026-11-21: 03 17 22 31 44 58";

const GIVEN: [&str; 20] = [
    "José Luis",
    "María Fernanda",
    "Wilmer",
    "Yesenia",
    "Kevin Alexander",
    "Dilcia",
    "Santos",
    "Glenda",
    "Edwin",
    "Rosa Amelia",
    "Jean-Baptiste",
    "Mirlande",
    "Anderson",
    "Keila",
    "Brayan",
    "Ingrid",
    "Óscar",
    "Lesly",
    "Yoselin",
    "Marvin",
];
const FAMILY: [&str; 14] =
    ["Hernández", "Bámaca", "Zelaya", "Obando", "Pierre", "Joseph", "Mejía", "Ramos", "Téllez", "Flores", "Velásquez", "Aráuz", "Gómez", "Banegas"];
const LANGUAGES: [&str; 5] = ["Spanish", "Spanish", "Spanish", "K'iche'", "Haitian Creole"];

fn candidate(rng: &mut StdRng, i: usize) -> CandidateDraft {
    let source = [ReferralSource::CommunityReferral, ReferralSource::WalkIn, ReferralSource::Outreach, ReferralSource::AgencyReferral][i % 4];
    let detail = match source {
        ReferralSource::CommunityReferral => "Iglesia San Rafael",
        ReferralSource::WalkIn => "Bronx office",
        ReferralSource::Outreach => "ICE field office, 26 Federal Plaza",
        _ => "Legal aid society",
    };
    let family = rng.gen_bool(0.45);
    let mut answers = vec![
        ("in_removal_proceedings", u8::from(rng.gen_bool(0.9))),
        ("enrolled_in_isap", u8::from(rng.gen_bool(0.45))),
        ("recently_in_isap", u8::from(rng.gen_bool(0.2))),
        ("processed_by_dhs", u8::from(rng.gen_bool(0.6))),
        ("family_unit", u8::from(family)),
    ];
    answers.retain(|(_, v)| *v == 1);
    let mut screening: Vec<(String, i64)> = answers.into_iter().map(|(k, v)| (k.to_owned(), i64::from(v))).collect();
    screening.push(("household_size".into(), if family { rng.gen_range(2..6) } else { 1 }));
    screening.push(("days_in_us".into(), rng.gen_range(3..200)));
    CandidateDraft {
        given_names: GIVEN[i % GIVEN.len()].to_owned(),
        family_names: Some(format!("{} {}", FAMILY[i % FAMILY.len()], FAMILY[(i * 7 + 3) % FAMILY.len()])),
        language: LANGUAGES[i % LANGUAGES.len()].to_owned(),
        referral_source: source,
        referral_detail: Some(detail.to_owned()),
        contact: Some(format!("+1 718 555-{:04}", 1000 + i)),
        interested: i % 9 != 8,
        consent_contact: true,
        screening: Screening(screening.into_iter().collect()),
    }
}

impl Store {
    /// Seed the pilot's intake and lottery for the lead agency (called once from `seed_demo`).
    pub(crate) async fn seed_lottery_demo(&self, actor: Actor, programs: &[(i64, ProgramKind)], sites: &[i64]) -> anyhow::Result<()> {
        let Some(&(program, _)) = programs.iter().find(|p| p.1 == ProgramKind::DetentionAlternative) else { return Ok(()) };
        let mut rng = StdRng::seed_from_u64(8);
        let day = |s: &str| s.parse::<chrono::NaiveDate>().expect("demo dates parse");
        self.save_rule(actor, program, "Phase 1", PHASE_1_RULE, day("2026-01-01")).await?.map_err(|e| anyhow::anyhow!("{e}"))?;
        for (site, goal) in sites.iter().zip([400, 300]) {
            self.set_enrollment_goal(actor, program, *site, goal).await?;
        }
        let mut ids = Vec::new();
        for i in 0..40 {
            let site = sites.get(i % sites.len().max(1)).copied();
            let id = self.create_candidate(actor, program, site, &candidate(&mut rng, i), Origin::Staff, None).await?;
            // The first ones were screened in phase 1; every decision stays on record.
            if i < 15 {
                self.decide_eligibility(actor, id, day("2026-03-15")).await?;
            }
            ids.push(id);
        }
        self.save_rule(actor, program, "Phase 3", PHASE_3_RULE, day("2026-09-01")).await?.map_err(|e| anyhow::anyhow!("{e}"))?;
        self.decide_program(actor, program, crate::today()).await?;
        let pool = self.lottery_pool(actor.org_id, program, Strata::Site).await?;
        let capacities: Vec<StratumCapacity> = pool
            .iter()
            .map(|(name, people)| StratumCapacity { name: name.clone(), capacity: people.len() * 2 / 5, comparison_size: people.len() * 3 / 10 })
            .collect();
        let round =
            self.open_round(actor, program, "Round 1 · November 2026", SeedSource::PublicValue(DEMO_PUBLIC_VALUE.into()), Strata::Site, &capacities).await?;
        self.draw_round(actor, round).await?;
        self.enroll_selected(actor, round).await?;
        for r in self.round_results(actor.org_id, round).await?.into_iter().filter(|r| r.group != Group::Waitlist) {
            // Follow-up reached most people; the program group appears and is served more often.
            if rng.gen_bool(0.15) {
                continue;
            }
            let treated = r.group == Group::Selected;
            let scheduled = rng.gen_range(1..4);
            let attended = if rng.gen_bool(if treated { 0.92 } else { 0.7 }) { scheduled } else { rng.gen_range(0..scheduled) };
            let pre = rng.gen_range(22..40);
            let outcome = FollowUp {
                hearings_scheduled: scheduled,
                hearings_attended: attended,
                services_received: if treated { rng.gen_range(3..11) } else { rng.gen_range(0..4) },
                assessment_pre: Some(pre),
                assessment_post: Some(pre + if treated { rng.gen_range(0..9) } else { rng.gen_range(-2..5) }),
            };
            self.record_followup(actor, round, r.candidate_id, &outcome).await?;
        }
        // New referrals since the round: the pool of the next one.
        for i in 40..46 {
            let site = sites.get(i % sites.len().max(1)).copied();
            let id = self.create_candidate(actor, program, site, &candidate(&mut rng, i), Origin::Staff, None).await?;
            self.decide_eligibility(actor, id, crate::today()).await?;
        }
        Ok(())
    }
}
