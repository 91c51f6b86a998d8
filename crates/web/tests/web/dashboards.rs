//! Dashboards by role: case managers see their work, supervisors the balance of caseloads and
//! phases, directors enrolment against goal and closing assessments.

use sendero_domain::{ClosureReason, Role, Transition};

use crate::support::{app_test, TestApp};

async fn each_role_sees_its_dashboard(app: TestApp) {
    // Close the world's case as lost contact so closure reasons have something to show.
    let case = app.store.case(app.own.org, app.own.case).await.unwrap();
    let actor = sendero_store::Actor { user_id: Some(app.own.user), org_id: app.own.org };
    app.store.transition_case(actor, case.id, case.version, Transition::Close(ClosureReason::LostContact), None).await.unwrap();

    let admin = app.get(&app.session(Role::Administrator).await, "/").await.text().await.unwrap();
    assert!(admin.contains("Program overview") && admin.contains("Enrolment against goal"));
    assert!(admin.contains("Court appearance, last 12 months") && admin.contains("Most common services, last three months"));
    assert!(admin.contains("<strong>Lost contact: 1</strong>"), "lost contact stands out");
    assert!(admin.contains("<th scope=\"row\">Accompaniment</th><td>2</td>"), "two cases enrolled in the program: {admin}");

    let supervisor = app.get(&app.session(Role::Supervisor).await, "/").await.text().await.unwrap();
    assert!(supervisor.contains("Caseload balance") && supervisor.contains("Open cases by phase"));
    assert!(!supervisor.contains("Enrolment against goal") && !supervisor.contains("Most common services"), "the director's figures are for administrators");

    let manager = app.get(&app.session(Role::CaseManager).await, "/").await.text().await.unwrap();
    assert!(manager.contains("My tasks") && manager.contains("Between organizations"));
    assert!(!manager.contains("Program overview"));

    let volunteer = app.get(&app.session(Role::Volunteer).await, "/").await.text().await.unwrap();
    assert!(!volunteer.contains("My tasks") && !volunteer.contains("Program overview") && !volunteer.contains("Between organizations"));
}
app_test!(each_role_sees_its_dashboard);
