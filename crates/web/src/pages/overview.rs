//! Dashboard panels for supervisors (caseload balance, phases and time in phase, closure
//! reasons) and directors (enrolment against goal, closing assessments).

use std::collections::BTreeMap;

use sendero_domain::{Permission, Phase, ProgramKind};
use sendero_stats::describe;
use sendero_store::today;

use crate::auth::Ctx;
use crate::error::AppResult;
use crate::templates::{render, Layout};
use crate::AppState;

pub struct LoadRow {
    pub name: String,
    pub open: i64,
    pub limit: i64,
    pub percent: i64,
}

pub struct PhaseRow {
    pub program: String,
    pub phase: String,
    pub open: usize,
    pub median_days: String,
    pub longest_days: i64,
}

pub struct ProgressRow {
    pub name: String,
    pub enrolled: i64,
    pub goal: String,
    pub percent_of_goal: String,
    pub open: i64,
    pub closed: i64,
    pub closure_assessed: String,
}

#[derive(askama::Template)]
#[template(path = "overview/panel.html")]
struct Panel {
    l: Layout,
    loads: Vec<LoadRow>,
    phases: Vec<PhaseRow>,
    closures: Vec<(String, i64, bool)>,
    progress: Vec<ProgressRow>,
    /// (program, appearance rate, hearings due) over the last 12 months.
    appearance: Vec<(String, String, i64)>,
    /// (category, services) in the last three months, most common first.
    top_services: Vec<(String, i64)>,
    director: bool,
}

fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        "—".into()
    } else {
        format!("{:.0}%", 100.0 * part as f64 / whole as f64)
    }
}

/// Phase order of every program kind, so the table lists phases as the work flows.
fn phase_rank(phase: &str) -> usize {
    ProgramKind::ALL.iter().flat_map(|k| k.phases().iter().enumerate()).find(|(_, p)| p.as_str() == phase).map_or(99, |(i, _)| i)
}

pub async fn dashboard_panel(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let user = ctx.user()?;
    if !user.role.can(Permission::ViewCaseloads) {
        return Ok(None);
    }
    let org = user.org_id;
    let now = today();
    let loads = state
        .store
        .caseloads(org)
        .await?
        .into_iter()
        .map(|c| LoadRow { percent: if c.limit > 0 { 100 * c.open_cases / c.limit } else { 0 }, name: c.name, open: c.open_cases, limit: c.limit })
        .collect();
    // (program, phase) → days each open case has spent in its current phase.
    let mut stays: BTreeMap<(String, usize, String), Vec<f64>> = BTreeMap::new();
    for s in state.store.phase_stays(org).await? {
        stays.entry((s.program_name, phase_rank(&s.phase), s.phase)).or_default().push((now - s.since).num_days().max(0) as f64);
    }
    let phases = stays
        .into_iter()
        .map(|((program, _, phase), days)| {
            let d = describe(&days);
            PhaseRow {
                phase: Phase::parse(&phase).map_or(phase.clone(), |p| ctx.tr.label("phase", p.as_str())),
                program,
                open: days.len(),
                median_days: d.as_ref().map_or("—".into(), |d| format!("{:.0}", d.median)),
                longest_days: d.map_or(0, |d| d.max as i64),
            }
        })
        .collect();
    let closures = state
        .store
        .closure_reasons(org, now - chrono::Days::new(90))
        .await?
        .into_iter()
        .map(|(reason, n)| (ctx.tr.label("closure", &reason), n, reason == "lost_contact"))
        .collect();
    let director = user.role.can(Permission::Administer);
    let progress = if director {
        state
            .store
            .program_progress(org, now - chrono::Days::new(365))
            .await?
            .into_iter()
            .map(|p| ProgressRow {
                goal: p.goal.map_or("—".into(), |g| g.to_string()),
                percent_of_goal: p.goal.map_or("—".into(), |g| percent(p.enrolled, g)),
                closure_assessed: percent(p.closed_with_closure_assessment, p.closed_since),
                name: p.name,
                enrolled: p.enrolled,
                open: p.open,
                closed: p.closed_since,
            })
            .collect()
    } else {
        vec![]
    };
    let (mut appearance, mut top_services) = (vec![], vec![]);
    if director {
        for row in state.store.appearance_report(org, now - chrono::Days::new(365), now).await? {
            appearance.push((row.program.clone(), percent(row.appeared(), row.due()), row.due()));
        }
        let (from, to) = ((now - chrono::Days::new(90)).format("%Y-%m").to_string(), now.format("%Y-%m").to_string());
        let mut by_category: BTreeMap<String, i64> = BTreeMap::new();
        for r in state.store.service_rollups(org, None, &from, &to).await? {
            *by_category.entry(r.category).or_default() += r.services;
        }
        top_services = by_category.into_iter().map(|(c, n)| (ctx.tr.label("service-category", &c), n)).collect();
        top_services.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top_services.truncate(5);
    }
    let l = Layout::new(Some(ctx), ctx.tr.clone(), "");
    Ok(Some(render(&Panel { l, loads, phases, closures, progress, appearance, top_services, director })))
}
