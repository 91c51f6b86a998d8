use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn referral_steps_follow_the_fhir_task_vocabulary() {
    use ReferralStatus::*;
    assert_eq!(referral_step(Requested, Accepted, None), Ok(()));
    assert_eq!(referral_step(Requested, Received, None), Ok(()));
    assert_eq!(referral_step(Accepted, Completed, None), Ok(()));
    assert_eq!(referral_step(Requested, Completed, None), Err(ReferralRefusal::NotAllowed));
    assert_eq!(referral_step(Completed, InProgress, None), Err(ReferralRefusal::NotAllowed));
    assert_eq!(referral_step(Requested, Rejected, Some("  ")), Err(ReferralRefusal::ReasonRequired));
    assert_eq!(referral_step(Requested, Rejected, Some("no capacity")), Ok(()));
    assert_eq!(referral_step(InProgress, OnHold, None), Err(ReferralRefusal::ReasonRequired));
    for s in ReferralStatus::ALL {
        assert_eq!(ReferralStatus::parse(s.as_str()), Some(s));
        assert_eq!(s.is_final(), s.next().is_empty(), "{s:?}");
    }
    assert_eq!(ReferralStatus::parse("in-progress"), Some(InProgress));
}

#[test]
fn overdue_means_unanswered_past_the_wait() {
    use ReferralStatus::*;
    let sent = d(2026, 11, 1);
    assert!(referral_overdue(Requested, sent, d(2026, 11, 9), 7));
    assert!(!referral_overdue(Requested, sent, d(2026, 11, 8), 7));
    assert!(referral_overdue(Received, sent, d(2026, 11, 20), 7));
    assert!(!referral_overdue(Accepted, sent, d(2026, 11, 20), 7));
    assert!(!referral_overdue(Cancelled, sent, d(2026, 11, 20), 7));
}

#[test]
fn billing_counts_eligible_services_and_flags_the_rest() {
    let windows = BTreeMap::from([(1, EligibilityWindow::from_opening(d(2026, 3, 15), 9)), (2, EligibilityWindow::from_opening(d(2026, 10, 20), 9))]);
    assert_eq!(windows[&1].end, d(2026, 12, 15));
    let rates = BTreeMap::from([
        ("housing".to_owned(), Rate { unit: RateUnit::ClientMonth, cents: 45_000 }),
        ("mental_health".to_owned(), Rate { unit: RateUnit::QuarterHour, cents: 2_000 }),
        ("transportation".to_owned(), Rate { unit: RateUnit::Service, cents: 1_250 }),
    ]);
    let s = |id, client, category: &str, day, minutes| BillableService {
        id,
        client_id: client,
        category: category.into(),
        provided_on: d(2026, 10, day),
        minutes,
        cost_cents: 100,
    };
    let services = vec![
        s(1, 1, "housing", 2, 30),
        s(2, 1, "housing", 9, 30),
        s(3, 1, "mental_health", 3, 50),  // 4 quarter hours
        s(4, 1, "mental_health", 10, 45), // 3
        s(5, 2, "housing", 5, 30),        // before client 2's window opens
        s(6, 2, "housing", 21, 30),
        s(7, 3, "food", 6, 10), // no window known
        s(8, 1, "food", 6, 10), // no rate
        s(9, 1, "transportation", 7, 90),
    ];
    let bill = bill(&services, &rates, &windows);
    let line = |c: &str| bill.lines.iter().find(|l| l.category == c).unwrap().clone();
    assert_eq!((line("housing").units, line("housing").clients, line("housing").services, line("housing").amount_cents), (2, 2, 3, 90_000));
    assert_eq!((line("mental_health").units, line("mental_health").minutes, line("mental_health").amount_cents), (7, 95, 14_000));
    assert_eq!(line("transportation").amount_cents, 1_250);
    assert_eq!(bill.total_cents, 105_250);
    assert_eq!(bill.eligible_clients, 2);
    let reasons: Vec<(i64, &str)> = bill.flagged.iter().map(|f| (f.service_id, f.reason)).collect();
    assert_eq!(reasons, vec![(5, "outside-window"), (7, "no-window"), (8, "no-rate")]);
}

#[test]
fn money_and_geography() {
    assert_eq!(parse_cents("12.5"), Some(1250));
    assert_eq!(parse_cents("$3"), Some(300));
    assert_eq!(parse_cents("0.07"), Some(7));
    for bad in ["", ".", "-1", "1.234", "abc", "1,00"] {
        assert_eq!(parse_cents(bad), None, "{bad}");
    }
    assert_eq!(format_cents(105_250), "1052.50");
    assert_eq!(format_cents(-5), "-0.05");
    // New York → Houston is about 2,280 km.
    let km = haversine_km(40.7128, -74.0060, 29.7604, -95.3698);
    assert!((km - 2281.0).abs() < 10.0, "{km}");
    assert_eq!(to_micro(40.712_8), 40_712_800);
    let (lat_lo, lat_hi, lon_lo, lon_hi) = bounding_box(40.0, -74.0, 10.0);
    assert!(lat_lo < 40_000_000 && lat_hi > 40_000_000 && lon_lo < -74_000_000 && lon_hi > -74_000_000);
    assert_eq!(weekday_index(d(2026, 11, 23)), 0);
    assert!(valid_category_code("itin_application") && !valid_category_code("Bad Code"));
    assert!(BUILTIN_CATEGORIES.iter().all(|c| valid_category_code(c)));
}
