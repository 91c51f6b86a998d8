//! Intake, rules, lottery and evaluation through the pages, and abuse of the public form.

use sendero_domain::Role;

use crate::support::{app_test, csrf_in, set_cookies, urlencoding, TestApp};

/// Open the public form: (pre-session CSRF cookie, token).
async fn public_form(app: &TestApp) -> (String, String) {
    let r = app.http.get(format!("{}/self-referral?program={}", app.base, app.own.program)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let cookie = set_cookies(&r).iter().find(|c| c.starts_with("sendero_csrf=")).map(|c| c.split(';').next().unwrap().to_owned()).expect("CSRF cookie");
    let csrf = csrf_in(&r.text().await.unwrap()).expect("csrf field");
    (cookie, csrf)
}

async fn submit(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let body = fields.iter().map(|(k, v)| format!("{}={}", urlencoding(k), urlencoding(v))).collect::<Vec<_>>().join("&");
    app.http
        .post(format!("{}/self-referral", app.base))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn public_candidates(app: &TestApp) -> Vec<sendero_store::intake::Candidate> {
    app.store.program_candidates(app.own.org, app.own.program).await.unwrap().into_iter().filter(|c| c.origin == "public_form").collect()
}

async fn public_form_resists_abuse(app: TestApp) {
    let (cookie, csrf) = public_form(&app).await;
    let program = app.own.program.to_string();
    let fields = |extra: &[(&'static str, String)]| {
        let mut f: Vec<(String, String)> = vec![
            ("csrf".into(), csrf.clone()),
            ("program".into(), program.clone()),
            ("given_names".into(), "Darwin".into()),
            ("family_names".into(), "Pérez".into()),
            ("contact".into(), "+1 713 555 0199".into()),
            ("consent_contact".into(), "on".into()),
            ("interested".into(), "on".into()),
            ("in_removal_proceedings".into(), "yes".into()),
            ("enrolled_in_isap".into(), "yes".into()),
        ];
        for (k, v) in extra {
            f.retain(|(key, _)| key != k);
            f.push(((*k).to_owned(), v.clone()));
        }
        f
    };
    let send = |f: Vec<(String, String)>| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            let borrowed: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            submit(app, &cookie, &borrowed).await
        }
    };

    // Without the CSRF token: refused before anything else.
    let r = send(fields(&[("csrf", "forged".into())])).await;
    assert_eq!(r.status().as_u16(), 403);
    // Oversized: refused by size, nothing stored.
    let r = send(fields(&[("family_names", "x".repeat(20_000))])).await;
    assert_eq!(r.status().as_u16(), 413);
    assert!(r.text().await.unwrap().contains("<h1>Too much text</h1>"));
    assert!(public_candidates(&app).await.is_empty());

    // A person: stored as a self-referral, decided under the rule in effect, contact encrypted.
    let r = send(fields(&[])).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("self-referral-done"));
    let stored = public_candidates(&app).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].referral_source, "self_referral");
    assert_eq!(stored[0].eligible, Some(true));

    // A bot filling the honeypot: answered politely, nothing stored.
    let r = send(fields(&[("website", "http://spam.example".into())])).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(public_candidates(&app).await.len(), 1);

    // Invalid input: field errors, nothing stored.
    let r = send(fields(&[("given_names", String::new()), ("household_size", "-2".into())])).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("aria-invalid=\"true\""));
    assert_eq!(public_candidates(&app).await.len(), 1);

    // Five submissions an hour per address; the sixth is refused.
    assert_eq!(send(fields(&[])).await.status().as_u16(), 200);
    assert_eq!(send(fields(&[])).await.status().as_u16(), 200);
    let limited = send(fields(&[])).await;
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(limited.headers()["retry-after"], "3600");
    assert!(limited.text().await.unwrap().contains("<h1>Please wait</h1>"), "a page, as on the other public forms");
    assert_eq!(public_candidates(&app).await.len(), 3);
    // An unknown program is a 404 page, not an error.
    let r = app.http.get(format!("{}/self-referral?program=999999", app.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
}
app_test!(public_form_resists_abuse);

async fn intake_to_evaluation_through_the_pages(app: TestApp) {
    let supervisor = app.session(Role::Supervisor).await;
    let intake = app.session(Role::IntakeWorker).await;
    let evaluator = app.session(Role::Evaluator).await;
    let program = app.own.program.to_string();

    // A rule with an unknown field is refused with its position; a good one is saved.
    let r = app
        .post_form(
            &supervisor,
            "/intake/rules",
            &[
                ("program", &program),
                ("label", "Phase 3"),
                ("expression", "in_removal_proceedings && has_lawyer"),
                ("effective_from", "2026-01-02"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Line 1, column 27") && body.contains("has_lawyer"), "{body}");
    let phase3 = sendero_domain::eligibility::PHASE_3_RULE;
    let r = app.post_form(&supervisor, "/intake/rules", &[("program", &program), ("expression", phase3), ("action", "what_if")]).await;
    assert!(r.text().await.unwrap().contains("id=\"what-if\""));
    let r = app
        .post_form(
            &supervisor,
            "/intake/rules",
            &[("program", &program), ("label", "Phase 3"), ("expression", phase3), ("effective_from", "2026-01-02"), ("action", "save")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);

    // Intake workers record candidates; each is decided at once with the version in effect.
    for (i, answer) in ["enrolled_in_isap", "processed_by_dhs", "processed_by_dhs", "enrolled_in_isap"].iter().enumerate() {
        let name = format!("Candidate{i}");
        let r = app
            .post_form(
                &intake,
                "/intake/new",
                &[
                    ("program", &program),
                    ("given_names", &name),
                    ("language", "es"),
                    ("referral_source", "outreach"),
                    ("referral_detail", "Houston field office"),
                    ("interested", "on"),
                    ("in_removal_proceedings", "yes"),
                    (answer, "yes"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    }
    let bad = app.post_form(&intake, "/intake/new", &[("program", &program), ("given_names", ""), ("referral_source", "walk_in")]).await;
    assert_eq!(bad.status().as_u16(), 422);
    // Intake workers cannot touch rules or rounds.
    assert_eq!(app.get(&intake, "/lottery").await.status().as_u16(), 403);

    // The supervisor opens a round (one stratum: no site) and draws it.
    let page = app.get(&supervisor, &format!("/lottery?program={program}&strata=none")).await.text().await.unwrap();
    assert!(page.contains("name=\"stratum_0\""), "{page}");
    let r = app
        .post_form(
            &supervisor,
            "/lottery",
            &[
                ("program", &program),
                ("strata", "none"),
                ("name", "Pilot round"),
                ("stratum_0", "all"),
                ("capacity_0", "2"),
                ("comparison_0", "2"),
                ("seed", "x"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422, "a short seed is refused");
    let r = app
        .post_form(
            &supervisor,
            "/lottery",
            &[
                ("program", &program),
                ("strata", "none"),
                ("name", "Pilot round"),
                ("stratum_0", "all"),
                ("capacity_0", "2"),
                ("comparison_0", "2"),
                ("public_value", "NY Lotto 2026-11-25"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let round_path = r.headers()["location"].to_str().unwrap().to_owned();
    let round: i64 = round_path.rsplit('/').next().unwrap().parse().unwrap();
    assert_eq!(app.post_form(&supervisor, &format!("{round_path}/draw"), &[]).await.status().as_u16(), 303);
    assert_eq!(app.post_form(&supervisor, &format!("{round_path}/draw"), &[]).await.status().as_u16(), 422, "no re-draw");
    assert_eq!(app.post_form(&supervisor, &format!("{round_path}/enroll"), &[]).await.status().as_u16(), 303);
    let page = app.get(&supervisor, &round_path).await.text().await.unwrap();
    assert!(page.contains("id=\"verification\"") && page.contains("Verified"), "{page}");
    assert!(page.contains("2 selected, 2 in the comparison group"), "{page}");

    // Published inputs are downloadable and verify with the independent script.
    let json: serde_json::Value = app.get(&evaluator, &format!("{round_path}/inputs.json")).await.json().await.unwrap();
    assert_eq!(json["format"], "sendero-lottery/1");
    assert_eq!(json["results"].as_array().unwrap().len(), 4, "the four new candidates (Rosa is in an earlier round)");

    // Follow-up for a comparison member, then the evaluator's de-identified report.
    let results = app.store.round_results(app.own.org, round).await.unwrap();
    let comparison = results.iter().find(|r| r.group == sendero_domain::lottery::Group::Comparison).unwrap();
    let r = app
        .post_form(
            &intake,
            &format!("{round_path}/followups"),
            &[
                ("candidate", &comparison.candidate_id.to_string()),
                ("hearings_scheduled", "2"),
                ("hearings_attended", "1"),
                ("services_received", "1"),
                ("assessment_pre", "20"),
                ("assessment_post", "22"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let report = app.get(&evaluator, &format!("/reports/evaluation?round={round}")).await;
    assert_eq!(report.status().as_u16(), 200);
    let text = report.text().await.unwrap();
    assert!(text.contains("id=\"evaluation-outcomes\"") && text.contains("id=\"evaluation-balance\""));
    assert!(!text.contains("Candidate") && !text.contains("Rosa"), "no names in the evaluation");
    let csv = app.get(&evaluator, &format!("/reports/evaluation.csv?round={round}")).await.text().await.unwrap();
    assert!(csv.starts_with("participant,arm,"));
    assert_eq!(csv.lines().count(), 1 + 4);
    assert!(!csv.contains("C-"), "no public tokens in the evaluation export");
    // Evaluators never see the named results.
    assert_eq!(app.get(&evaluator, &round_path).await.status().as_u16(), 403);
}
app_test!(intake_to_evaluation_through_the_pages);
