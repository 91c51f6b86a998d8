//! The enforcement firewall and de-identification, generated from the route table: every
//! report and every downloadable report file (HTML, CSV, XLSX, PDF) is fetched by the roles
//! that may see it and searched for anything that identifies a client.

use std::io::Read;

use sendero_domain::Role;
use sendero_domain::{ClientDraft, ClientInput, ContactKind};
use sendero_store::Actor;

use crate::support::{app_test, TestApp};

/// Text of a response, with XLSX workbooks unzipped so their cells can be searched.
async fn text_of(r: reqwest::Response, path: &str) -> String {
    let bytes = r.bytes().await.unwrap();
    if path.ends_with(".xlsx") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX file is a zip archive");
        let mut all = String::new();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            entry.read_to_string(&mut all).ok();
        }
        all
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Enough people that reports have counts worth publishing, each with identifiers to look for.
async fn populate(app: &TestApp) -> Vec<String> {
    let actor = Actor { user_id: Some(app.own.user), org_id: app.own.org };
    // Full names: the world's lottery round is named after its family ("Castillo round").
    let mut identifiers = vec![
        "Ana Castillo".to_owned(),
        "Rosa Castillo".to_owned(),
        "212345678".to_owned(),
        "212-345-678".to_owned(),
        "555 010 0000".to_owned(),
        "1990-04".to_owned(),
    ];
    for i in 0..14 {
        let family = format!("Identifiable{i}");
        let input = ClientInput {
            given_names: "Rosa".into(),
            family_names: family.clone(),
            birth_date: format!("19{:02}-03-0{}", 70 + i, 1 + i % 9),
            a_number: format!("0{:08}", 98765400 + i),
            ..Default::default()
        };
        let draft = ClientDraft::parse(&input, sendero_store::today()).unwrap();
        let phone = format!("+1 713 555 {:04}", 2000 + i);
        let client = app.store.create_client(actor, &draft, &[(ContactKind::Phone, phone.clone())]).await.unwrap();
        app.store.open_case(actor, client, app.own.program, None, None, false).await.unwrap();
        identifiers.extend([family, input.birth_date.clone(), input.a_number.clone(), phone]);
    }
    let today = sendero_store::today();
    // The world's lottery round (its candidate is a Castillo) is drawn, so its evaluation exists.
    app.store.draw_round(actor, app.own.round).await.unwrap();
    app.store.add_program_cost(actor, app.own.program, today - chrono::Days::new(30), today, 1_000_000, "Staff").await.unwrap();
    identifiers
}

async fn reports_carry_no_identifiers(app: TestApp) {
    let identifiers = populate(&app).await;
    let today = sendero_store::today();
    let query = format!("?program={}&from={}&to={}&round={}", app.own.program, today - chrono::Days::new(60), today, app.own.round);
    let report_routes: Vec<_> = sendero_web::routes::specs()
        .into_iter()
        .filter(|(method, path, permission)| {
            *method == reqwest::Method::GET && *permission == Some(sendero_domain::Permission::ViewReports) && !path.contains('{')
        })
        .collect();
    assert!(report_routes.len() >= 8, "reports and their files are in the table: {report_routes:?}");
    let mut checked = 0;
    for (_, path, _) in &report_routes {
        for role in [Role::Evaluator, Role::Administrator, Role::Supervisor] {
            let s = app.session(role).await;
            let r = app.get(&s, &format!("{path}{query}")).await;
            let status = r.status().as_u16();
            // The outcome CSV needs an instrument's data; anything else must answer.
            if status == 400 && path.ends_with("outcomes.csv") {
                continue;
            }
            assert_eq!(status, 200, "{path} as {role}");
            let body = text_of(r, path).await;
            for id in &identifiers {
                assert!(!body.contains(id.as_str()), "{path} as {role} shows the identifier {id}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 24, "only {checked} report fetches");
}
app_test!(reports_carry_no_identifiers);

async fn board_report_counts_and_suppresses(app: TestApp) {
    populate(&app).await;
    let s = app.session(Role::Evaluator).await;
    let today = sendero_store::today();
    let query = format!("?program={}&from={}&to={}", app.own.program, today - chrono::Days::new(30), today);
    let csv = app.get(&s, &format!("/reports/board.csv{query}")).await.text().await.unwrap();
    // 14 people plus the world's client and shared person: 16 participants enrolled today, a day each.
    assert!(csv.contains("Accompaniment,Participants in the period,16"), "{csv}");
    assert!(csv.contains("Accompaniment,Participant-days,16"), "{csv}");
    assert!(csv.contains("Accompaniment,Detention cost per day ($),164.65"), "{csv}");
    // $10,000 over 31 days, all inside the period, over 16 participant-days.
    assert!(csv.contains("Accompaniment,Cost per participant-day ($),625.00"), "{csv}");
    let pdf = app.get(&s, &format!("/reports/board.pdf{query}")).await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
    // The other organization's 3 open cases are hidden, and so are our 16: with the total of 19
    // published, showing 16 would give the 3 away.
    let consortium = app.get(&s, &format!("/reports/consortium.csv{query}")).await.text().await.unwrap();
    assert!(consortium.lines().any(|l| l.starts_with("Elsewhere,*,*,")), "{consortium}");
    assert!(consortium.lines().any(|l| l.starts_with("Camino,*,*,")), "{consortium}");
    assert!(consortium.lines().any(|l| l.starts_with("All organizations,19,19,")), "{consortium}");
}
app_test!(board_report_counts_and_suppresses);

/// Reports the worker makes on a schedule are the same de-identified tables: every format of
/// every schedulable report, over a period full of identifiable people, names none of them.
async fn scheduled_runs_carry_no_identifiers(app: TestApp) {
    use sendero_store::report_schedules::{NewSchedule, ReportRenderer};
    let identifiers = populate(&app).await;
    let admin = app.session(Role::Administrator).await;
    let director = app.store.report_recipients(app.own.org).await.unwrap()[0].id;
    let actor = Actor { user_id: Some(director), org_id: app.own.org };
    let today = sendero_store::today();
    let period = sendero_domain::board::Period { from: today - chrono::Days::new(60), to: today };
    let mut checked = 0;
    for report in sendero_domain::report_schedule::REPORTS {
        for format in sendero_domain::report_schedule::FORMATS {
            let new = NewSchedule { report, format, cadence: "monthly", program_id: Some(app.own.program), language: "es", recipients: &[director] };
            let id = app.store.create_report_schedule(actor, &new, today).await.unwrap();
            let schedule = app.store.report_schedule(app.own.org, id).await.unwrap();
            let file = sendero_web::pages::schedules::Scheduler.render(&app.store, &schedule, period).await.unwrap();
            let next = schedule.cadence().unwrap().next_run(schedule.next_run().unwrap());
            let run = app.store.record_report_run(&schedule, period, next, &file, &|_| vec![]).await.unwrap().unwrap();
            let r = app.get(&admin, &format!("/reports/runs/{run}")).await;
            assert_eq!(r.status().as_u16(), 200, "{report}.{format}");
            assert!(r.headers()["content-disposition"].to_str().unwrap().contains(&format!(".{format}\"")));
            let body = text_of(r, &format!("run.{format}")).await;
            assert!(body.contains(if report == "board" { "Accompaniment" } else { "Camino" }), "{report}.{format} has its content");
            for id in &identifiers {
                assert!(!body.contains(id.as_str()), "scheduled {report}.{format} shows the identifier {id}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}
app_test!(scheduled_runs_carry_no_identifiers);
