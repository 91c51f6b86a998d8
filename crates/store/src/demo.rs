//! Demo data: a realistic consortium for trying Sendero, and synthetic data of any size for
//! benchmarks. Names are invented; languages and origins follow the people the seeds describe.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::users::NewUser;
use crate::{Actor, Store, StoreResult};
use sendero_domain::client::ClientInput;
use sendero_domain::{ClientDraft, ClosureReason, ContactKind, ProgramKind, Relationship, Role, Transition};

/// Password of every demo account (shown on the sign-in page in demo mode only).
pub const DEMO_PASSWORD: &str = "sendero-demo";

/// One demo account per role, all in the lead agency.
pub const DEMO_ACCOUNTS: [(&str, Role, &str); 7] = [
    ("admin@demo.sendero.org", Role::Administrator, "Rosa Alvarado"),
    ("supervisor@demo.sendero.org", Role::Supervisor, "Marcus Bell"),
    ("casemanager@demo.sendero.org", Role::CaseManager, "Lucía Fernández"),
    ("intake@demo.sendero.org", Role::IntakeWorker, "Samuel Okafor"),
    ("volunteer@demo.sendero.org", Role::Volunteer, "Grace Miller"),
    ("attorney@demo.sendero.org", Role::Attorney, "Daniel Cho"),
    ("evaluator@demo.sendero.org", Role::Evaluator, "Priya Raman"),
];

struct Culture {
    country: &'static str,
    languages: &'static str,
    given_m: &'static [&'static str],
    given_f: &'static [&'static str],
    family: &'static [&'static str],
    /// Spanish naming: two surnames.
    double_surname: bool,
}

const CULTURES: &[Culture] = &[
    Culture {
        country: "Honduras",
        languages: "Spanish",
        given_m: &["José", "Darwin", "Kevin", "Luis Fernando", "Wilmer", "Óscar", "Yeferson", "Brayan"],
        given_f: &["María José", "Dunia", "Karla", "Yessenia", "Ana Lucía", "Wendy", "Génesis", "Sofía"],
        family: &["Hernández", "López", "Martínez", "Pérez", "Rodríguez", "Mejía", "Flores", "Zelaya", "Banegas", "Castillo"],
        double_surname: true,
    },
    Culture {
        country: "Venezuela",
        languages: "Spanish",
        given_m: &["Andrés", "Jesús", "Carlos Eduardo", "Yorman", "Jhonny", "Rafael"],
        given_f: &["Daniela", "Yulimar", "Mariángel", "Andreína", "Gabriela", "Nohemí"],
        family: &["González", "Ramírez", "Suárez", "Rondón", "Briceño", "Mendoza", "Castro", "Peña"],
        double_surname: true,
    },
    Culture {
        country: "Guatemala",
        languages: "K'iche', Spanish",
        given_m: &["Juan", "Pedro", "Santos", "Baltazar", "Diego"],
        given_f: &["Juana", "Rosalinda", "Manuela", "Ixchel", "Catarina"],
        family: &["Tzoc", "Xiloj", "Ajanel", "Us", "Tum", "Cux", "Chávez", "Ixcoy"],
        double_surname: true,
    },
    Culture {
        country: "Guatemala",
        languages: "Mam, Spanish",
        given_m: &["Fabián", "Eliseo", "Gaspar", "Marcos"],
        given_f: &["Lucía", "Rosa", "Aura", "Petrona"],
        family: &["Bámaca", "Gómez", "Pérez", "Ramos", "Mejía", "Velásquez"],
        double_surname: true,
    },
    Culture {
        country: "Nicaragua",
        languages: "Spanish",
        given_m: &["Ernesto", "Bismarck", "Róger", "Francisco"],
        given_f: &["Scarleth", "Jahoska", "Fátima", "Martha Lorena"],
        family: &["Castillo", "Obando", "Téllez", "Sandino", "Aráuz", "Gutiérrez"],
        double_surname: true,
    },
    Culture {
        country: "Haiti",
        languages: "Haitian Creole, French",
        given_m: &["Jean-Baptiste", "Wilner", "Frantz", "Ti Jean", "Jocelyn", "Dieunel"],
        given_f: &["Mirlande", "Nadège", "Widline", "Fabienne", "Roseline", "Ketia"],
        family: &["Joseph", "Pierre", "Jean-Louis", "Désir", "Dorvil", "Charles", "Exantus", "Baptiste"],
        double_surname: false,
    },
    Culture {
        country: "Brazil",
        languages: "Portuguese",
        given_m: &["João Pedro", "Thiago", "Wellington", "Raimundo"],
        given_f: &["Ana Beatriz", "Francisca", "Luana", "Josiane"],
        family: &["da Silva", "Souza", "Oliveira", "Santos", "Pereira", "Lima"],
        double_surname: false,
    },
    Culture {
        country: "Afghanistan",
        languages: "Dari, Pashto",
        given_m: &["Mohammad", "Ahmad Shah", "Farid", "Hamid", "Mustafa"],
        given_f: &["Fatima", "Zahra", "Mariam", "Parwana", "Shabnam"],
        family: &["Ahmadi", "Noori", "Hakimi", "Rahimi", "Sultani", "Karimi", "Popal"],
        double_surname: false,
    },
    Culture {
        country: "Syria",
        languages: "Arabic",
        given_m: &["Mohammed", "Khaled", "Omar", "Yousef", "Hassan"],
        given_f: &["Amina", "Layla", "Nour", "Rania", "Huda"],
        family: &["Haddad", "Al-Khatib", "Darwish", "Haj Ali", "Nasser", "Al-Masri"],
        double_surname: false,
    },
    Culture {
        country: "Democratic Republic of the Congo",
        languages: "French, Lingala",
        given_m: &["Patrick", "Jean-Claude", "Héritier", "Dieudonné"],
        given_f: &["Espérance", "Gloire", "Bénédicte", "Clarisse"],
        family: &["Mukendi", "Kabila", "Ilunga", "Tshibangu", "Mbuyi"],
        double_surname: false,
    },
];

const NOTES_EN: &[&str] = &[
    "Called the family to confirm the clinic appointment; interpreter arranged.",
    "Accompanied the head of family to enroll the children at the neighborhood school.",
    "Reviewed upcoming court obligations and change-of-address requirements.",
    "Family reports stable housing this month; rent paid with help from the church pantry.",
    "Referred to mental-health counseling; first session scheduled.",
    "Phone number changed; updated contact details after a home visit.",
];
const NOTES_ES: &[&str] = &[
    "Llamada de seguimiento: la familia ya tiene cita en la clínica comunitaria.",
    "Se acompañó a la madre a inscribir a los niños en la escuela.",
    "Se revisaron las fechas de corte y la obligación de informar el cambio de domicilio.",
    "La familia recibió despensa del banco de alimentos y clases de inglés.",
    "Se refirió a consejería de salud mental; la primera sesión es el martes.",
];

fn pick<'a>(rng: &mut StdRng, xs: &'a [&'a str]) -> &'a str {
    xs.choose(rng).copied().unwrap_or("")
}

fn person(rng: &mut StdRng, c: &Culture, female: bool, family: &str, age: i32) -> ClientDraft {
    let given = pick(rng, if female { c.given_f } else { c.given_m });
    let family = if c.double_surname { format!("{family} {}", pick(rng, c.family)) } else { family.to_owned() };
    let year = 2026 - age;
    let birth_date = match rng.gen_range(0..10) {
        0 => format!("{year}"),
        1 => format!("{year}-{:02}", rng.gen_range(1..=12)),
        _ => format!("{year}-{:02}-{:02}", rng.gen_range(1..=12), rng.gen_range(1..=28)),
    };
    let a_number = if age >= 14 && rng.gen_bool(0.7) { format!("{:09}", rng.gen_range(200_000_000..240_000_000u32)) } else { String::new() };
    let input = ClientInput {
        given_names: given.to_owned(),
        family_names: family,
        aliases: String::new(),
        birth_date,
        country: c.country.to_owned(),
        languages: c.languages.to_owned(),
        a_number,
    };
    ClientDraft::parse(&input, crate::today()).expect("demo people are valid")
}

fn phone(rng: &mut StdRng, area: &str) -> String {
    format!("+1 {area} 555-{:04}", rng.gen_range(100..9999))
}

/// One organization's slice of the demo.
struct OrgPlan {
    name: &'static str,
    kind: &'static str,
    city: &'static str,
    area_code: &'static str,
    programs: &'static [(&'static str, ProgramKind, Option<i64>)],
    sites: &'static [&'static str],
    households: usize,
}

const PLANS: [OrgPlan; 4] = [
    OrgPlan {
        name: "Camino Community Services",
        kind: "lead",
        city: "New York, NY",
        area_code: "718",
        programs: &[
            ("Case Management Pilot (ATD)", ProgramKind::DetentionAlternative, Some(700)),
            ("Survivor Services", ProgramKind::TraffickingSurvivor, None),
            ("Destination Accompaniment", ProgramKind::Destination, None),
            ("Community Care Network", ProgramKind::CommunityNetwork, None),
        ],
        sites: &["Bronx office", "Queens office"],
        households: 110,
    },
    OrgPlan {
        name: "Puerta Abierta Houston",
        kind: "partner",
        city: "Houston, TX",
        area_code: "713",
        programs: &[("Case Management Pilot (ATD)", ProgramKind::DetentionAlternative, Some(450))],
        sites: &["Gulfton center"],
        households: 40,
    },
    OrgPlan {
        name: "Tucson Welcome Network",
        kind: "partner",
        city: "Tucson, AZ",
        area_code: "520",
        programs: &[("Destination Accompaniment", ProgramKind::Destination, None)],
        sites: &["Tucson shelter desk"],
        households: 30,
    },
    OrgPlan {
        name: "Dubuque Neighbors Network",
        kind: "partner",
        city: "Dubuque, IA",
        area_code: "563",
        programs: &[("Community Care Network", ProgramKind::CommunityNetwork, None)],
        sites: &["Dubuque"],
        households: 25,
    },
];

impl Store {
    /// Has anything been created yet? Demo seeding only runs on an empty database.
    pub async fn is_empty(&self) -> StoreResult<bool> {
        use sqlx::Row;
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM organizations").fetch_one(self.pool()).await?.try_get("n")?;
        Ok(n == 0)
    }

    /// Seed the demo consortium (idempotent: does nothing if organizations exist).
    pub async fn seed_demo(&self) -> anyhow::Result<bool> {
        if !self.is_empty().await? {
            return Ok(false);
        }
        let mut rng = StdRng::seed_from_u64(2026);
        let consortium = self.create_consortium("Sendero Demo Consortium").await?;
        for (index, plan) in PLANS.iter().enumerate() {
            let org = self.create_organization(None, Some(consortium), plan.name, plan.kind, Some(plan.city)).await?;
            let mut staff = Vec::new();
            if index == 0 {
                for (email, role, name) in DEMO_ACCOUNTS {
                    let id = self
                        .create_user(None, NewUser { org_id: org, email, display_name: name, password: DEMO_PASSWORD, role, locale: "en", caseload_limit: 25 })
                        .await?;
                    if matches!(role, Role::CaseManager | Role::Supervisor) {
                        staff.push(id);
                    }
                }
                for (email, name) in [("cm2@demo.sendero.org", "Ahmad Karimi"), ("cm3@demo.sendero.org", "Nadège Pierre")] {
                    staff.push(
                        self.create_user(
                            None,
                            NewUser {
                                org_id: org,
                                email,
                                display_name: name,
                                password: DEMO_PASSWORD,
                                role: Role::CaseManager,
                                locale: "es",
                                caseload_limit: 30,
                            },
                        )
                        .await?,
                    );
                }
            } else {
                let slug = plan.name.split_whitespace().next().unwrap_or("partner").to_lowercase();
                let admin_email = format!("admin@{slug}.demo.sendero.org");
                self.create_user(
                    None,
                    NewUser {
                        org_id: org,
                        email: &admin_email,
                        display_name: "Partner Administrator",
                        password: DEMO_PASSWORD,
                        role: Role::Administrator,
                        locale: "en",
                        caseload_limit: 0,
                    },
                )
                .await?;
                let cm_email = format!("casemanager@{slug}.demo.sendero.org");
                staff.push(
                    self.create_user(
                        None,
                        NewUser {
                            org_id: org,
                            email: &cm_email,
                            display_name: "Partner Case Manager",
                            password: DEMO_PASSWORD,
                            role: Role::CaseManager,
                            locale: "es",
                            caseload_limit: 40,
                        },
                    )
                    .await?,
                );
            }
            let actor = Actor { user_id: Some(staff[0]), org_id: org };
            let mut programs = Vec::new();
            for (name, kind, goal) in plan.programs {
                programs.push((self.create_program(actor, name, *kind, *goal).await?, *kind));
            }
            let mut sites = Vec::new();
            for site in plan.sites {
                sites.push(self.create_site(actor, site, Some(plan.city)).await?);
            }
            if index == 0 {
                self.seed_scenarios(actor, &programs, &staff).await?;
            }
            if index == 0 {
                self.seed_lottery_demo(actor, &programs, &sites).await?;
            }
            for _ in 0..plan.households {
                let culture = &CULTURES[rng.gen_range(0..CULTURES.len())];
                let program = programs[rng.gen_range(0..programs.len())];
                let site = sites.choose(&mut rng).copied();
                let manager = staff[rng.gen_range(0..staff.len())];
                self.seed_household(&mut rng, actor, culture, plan.area_code, program, site, manager).await?;
            }
            if index == 0 {
                self.seed_calendar_demo(actor, &staff).await?;
            }
        }
        // Features that span organizations seed once every organization exists.
        self.seed_sharing_demo().await?;
        self.seed_demo_volunteers().await?;
        self.seed_demo_protection().await?;
        self.seed_demo_services(consortium).await?;
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    async fn seed_household(
        &self,
        rng: &mut StdRng,
        actor: Actor,
        culture: &Culture,
        area: &str,
        program: (i64, ProgramKind),
        site: Option<i64>,
        manager: i64,
    ) -> anyhow::Result<i64> {
        let family = pick(rng, culture.family).to_owned();
        let head_female = rng.gen_bool(0.55);
        let head_age = rng.gen_range(19..55);
        let head = person(rng, culture, head_female, &family, head_age);
        let head_id = self.create_client(actor, &head, &[(ContactKind::Phone, phone(rng, area))]).await?;
        let household = self.create_household(actor, &format!("{family} family"), head_id).await?;
        let size = rng.gen_range(0..4);
        for i in 0..size {
            let (relationship, age) =
                if i == 0 && rng.gen_bool(0.5) { (Relationship::Spouse, rng.gen_range(19..55)) } else { (Relationship::Child, rng.gen_range(1..17)) };
            let female = rng.gen_bool(0.5);
            let member = person(rng, culture, female, &family, age);
            self.create_household_member(actor, household, &member, relationship).await?;
        }
        // Spread cases over every phase and closure reason.
        let case = self.open_case(actor, head_id, program.0, site, Some(manager), true).await?;
        let steps = rng.gen_range(0..program.1.phases().len());
        let mut version = 2;
        for _ in 0..steps {
            self.transition_case(actor, case, version, Transition::Advance, None).await?;
            version += 1;
        }
        // Destination cases mostly reach closure; only those closing with goals met or a move
        // take the closure inventory, so roughly a third complete it (as in the seed evaluation).
        let closure = if program.1 == ProgramKind::Destination {
            rng.gen_bool(0.7).then(|| {
                [ClosureReason::GoalsMet, ClosureReason::GoalsMet, ClosureReason::LostContact, ClosureReason::MovedAway, ClosureReason::Declined]
                    [rng.gen_range(0..5)]
            })
        } else {
            rng.gen_bool(0.35).then(|| ClosureReason::ALL[rng.gen_range(0..ClosureReason::ALL.len())])
        };
        if program.1 == ProgramKind::Destination {
            self.seed_inventories(rng, actor, case, head_id, closure).await?;
        }
        if let Some(reason) = closure {
            self.transition_case(actor, case, version, Transition::Close(reason), None).await?;
        }
        for n in 0..rng.gen_range(1..4) {
            let body = if n % 2 == 0 { pick(rng, NOTES_ES) } else { pick(rng, NOTES_EN) };
            let on = crate::today() - chrono::Duration::days(rng.gen_range(1..200));
            self.add_note(actor, case, on, body).await?;
        }
        Ok(head_id)
    }

    /// The family-functioning inventory at intake and, for families that completed services,
    /// at closure, with realistic gains; families that lost contact have no closure inventory.
    async fn seed_inventories(&self, rng: &mut StdRng, actor: Actor, case: i64, client: i64, closure: Option<ClosureReason>) -> anyhow::Result<()> {
        let Some(instrument) = self.instruments(actor.org_id).await?.into_iter().find(|i| i.definition.key == "family-functioning") else { return Ok(()) };
        let baseline: i64 = rng.gen_range(1..=3);
        let answer = |shift: i64, rng: &mut StdRng| -> std::collections::HashMap<String, i64> {
            instrument.definition.items.iter().map(|i| (i.key.clone(), (baseline + shift + rng.gen_range(-1..=1)).clamp(1, 4))).collect()
        };
        let intake_on = crate::today() - chrono::Duration::days(rng.gen_range(200..400));
        let pre = answer(0, rng);
        let input = crate::assessments::AssessmentInput {
            case_id: case,
            client_id: client,
            instrument_id: instrument.id,
            timing: sendero_domain::instrument::Timing::Intake,
            language: "es",
            answers: pre,
            taken_on: intake_on,
            complete: true,
        };
        self.save_assessment(actor, &input, None).await?;
        if matches!(closure, Some(ClosureReason::GoalsMet | ClosureReason::MovedAway)) {
            let gain = rng.gen_range(0..=2);
            let post = answer(gain, rng);
            let input = crate::assessments::AssessmentInput {
                timing: sendero_domain::instrument::Timing::Closure,
                answers: post,
                taken_on: intake_on + chrono::Duration::days(rng.gen_range(60..540)).min(crate::today() - intake_on),
                ..input
            };
            self.save_assessment(actor, &input, None).await?;
        }
        Ok(())
    }

    /// The people of SCENARIOS.md who belong to the lead agency.
    async fn seed_scenarios(&self, actor: Actor, programs: &[(i64, ProgramKind)], staff: &[i64]) -> anyhow::Result<()> {
        let program_of = |k: ProgramKind| programs.iter().find(|p| p.1 == k).map(|p| p.0).expect("demo program");
        let parse = |given: &str, family: &str, dob: &str, country: &str, langs: &str, a: &str| {
            ClientDraft::parse(
                &ClientInput {
                    given_names: given.into(),
                    family_names: family.into(),
                    birth_date: dob.into(),
                    country: country.into(),
                    languages: langs.into(),
                    a_number: a.into(),
                    aliases: String::new(),
                },
                crate::today(),
            )
            .expect("scenario people are valid")
        };
        let manager = staff.get(1).copied().unwrap_or(staff[0]);
        // 1. The hearing 1,500 miles away.
        let darwin = self
            .create_client(
                actor,
                &parse("Darwin", "Pérez Mejía", "1994-08-12", "Honduras", "Spanish", "A 219-384-110"),
                &[(ContactKind::Phone, "+1 718 555-0142".into())],
            )
            .await?;
        let case = self.open_case(actor, darwin, program_of(ProgramKind::DetentionAlternative), None, Some(manager), true).await?;
        self.add_note(
            actor,
            case,
            crate::today(),
            "Notice to appear shows a master calendar hearing in Houston in two days. Referring to the Houston partner.",
        )
        .await?;
        // The same man registered again at another site, spelled differently: the duplicate
        // review finds this pair.
        self.create_client(actor, &parse("Darwin", "Perez", "1994-08-12", "Honduras", "Spanish", ""), &[(ContactKind::Phone, "718-555-0142".into())]).await?;
        // 2. A family with nowhere to go (selected in the lottery).
        let mother = self
            .create_client(
                actor,
                &parse("Martha Lorena", "Castillo Obando", "1989-03-02", "Nicaragua", "Spanish", ""),
                &[(ContactKind::Phone, "+1 718 555-0190".into())],
            )
            .await?;
        let home = self.create_household(actor, "Castillo family", mother).await?;
        for (given, dob) in [("Scarleth", "2014-06-10"), ("Ernesto", "2018-11-23")] {
            self.create_household_member(actor, home, &parse(given, "Castillo Obando", dob, "Nicaragua", "Spanish", ""), Relationship::Child).await?;
        }
        self.open_case(actor, mother, program_of(ProgramKind::DetentionAlternative), None, Some(manager), true).await?;
        // 6. A survivor's window.
        let amina = self
            .create_client(actor, &parse("Amina", "Haddad", "1996", "Syria", "Arabic, French", ""), &[(ContactKind::Phone, "+1 718 555-0177".into())])
            .await?;
        let case = self.open_case(actor, amina, program_of(ProgramKind::TraffickingSurvivor), None, Some(manager), true).await?;
        self.transition_case(actor, case, 2, Transition::Advance, Some("Strengths-and-needs assessment completed".into())).await?;
        // 3. Ramírez family, destination accompaniment, phones changed twice.
        let ramirez = self
            .create_client(
                actor,
                &parse("Yulimar", "Ramírez Suárez", "1987-01-15", "Venezuela", "Spanish", ""),
                &[(ContactKind::Phone, "+1 520 555-0101".into())],
            )
            .await?;
        self.add_contact(actor, ramirez, ContactKind::Phone, "+1 520 555-0102", true).await?;
        self.add_contact(actor, ramirez, ContactKind::Phone, "+1 303 555-0103", true).await?;
        let rhome = self.create_household(actor, "Ramírez family", ramirez).await?;
        self.create_household_member(actor, rhome, &parse("Andrés", "Ramírez Suárez", "2015-09-30", "Venezuela", "Spanish", ""), Relationship::Child).await?;
        self.open_case(actor, ramirez, program_of(ProgramKind::Destination), None, Some(manager), true).await?;
        // 4 and 5. The Joseph family and Yeferson (community network).
        let joseph = self
            .create_client(actor, &parse("Wilner", "Joseph", "1985-04-04", "Haiti", "Haitian Creole", ""), &[(ContactKind::Phone, "+1 563 555-0150".into())])
            .await?;
        let jhome = self.create_household(actor, "Joseph family", joseph).await?;
        self.create_household_member(actor, jhome, &parse("Mirlande", "Joseph", "1988-12-01", "Haiti", "Haitian Creole, French", ""), Relationship::Spouse)
            .await?;
        self.open_case(actor, joseph, program_of(ProgramKind::CommunityNetwork), None, Some(manager), true).await?;
        let dob = crate::today() - chrono::Duration::days(17 * 365 + 122);
        let yeferson = self.create_client(actor, &parse("Yeferson", "Banegas Flores", &dob.to_string(), "Honduras", "Spanish", ""), &[]).await?;
        self.open_case(actor, yeferson, program_of(ProgramKind::CommunityNetwork), None, Some(manager), true).await?;
        Ok(())
    }

    /// Seed `clients` synthetic people (in households, with one case per household and five
    /// notes per client) into a new organization, for benchmarks. Returns that organization.
    pub async fn seed_synthetic(&self, clients: usize, progress: &(dyn Fn(usize, usize) + Sync)) -> anyhow::Result<i64> {
        let mut rng = StdRng::seed_from_u64(clients as u64);
        let org = self.create_organization(None, None, &format!("Synthetic organization ({clients} clients)"), "lead", Some("Benchmark City")).await?;
        let manager = self
            .create_user(
                None,
                NewUser {
                    org_id: org,
                    email: &format!("bench+{org}@sendero.test"),
                    display_name: "Bench Manager",
                    password: DEMO_PASSWORD,
                    role: Role::Administrator,
                    locale: "en",
                    caseload_limit: 1_000_000,
                },
            )
            .await?;
        let actor = Actor { user_id: Some(manager), org_id: org };
        let program = self.create_program(actor, "Synthetic program", ProgramKind::Destination, None).await?;
        let mut made = 0;
        while made < clients {
            let batch = (clients - made).min(500);
            self.seed_synthetic_batch(&mut rng, actor, program, manager, batch).await?;
            made += batch;
            progress(made, clients);
        }
        Ok(org)
    }

    async fn seed_synthetic_batch(&self, rng: &mut StdRng, actor: Actor, program: i64, manager: i64, count: usize) -> anyhow::Result<()> {
        use sqlx::Row;
        let mut w = self.begin_write().await?;
        let mut made = 0;
        while made < count {
            let culture = &CULTURES[rng.gen_range(0..CULTURES.len())];
            let family = pick(rng, culture.family).to_owned();
            let size = rng.gen_range(1..=4).min(count - made);
            let hid: i64 = sqlx::query(self.q("INSERT INTO households (org_id, name, created_at) VALUES (?, ?, ?) RETURNING id"))
                .bind(actor.org_id)
                .bind(format!("{family} family"))
                .bind(crate::now())
                .fetch_one(&mut *w.tx)
                .await?
                .try_get("id")?;
            for i in 0..size {
                let female = rng.gen_bool(0.5);
                let age = if i == 0 { rng.gen_range(19..60) } else { rng.gen_range(1..60) };
                let draft = person(rng, culture, female, &family, age);
                let rel = if i == 0 { Relationship::Head } else { Relationship::Child };
                let id = self.insert_client_tx(&mut w.tx, actor, &draft, Some((hid, rel))).await?;
                self.insert_contact_tx(&mut w.tx, actor, id, ContactKind::Phone, &phone(rng, "212")).await?;
                let at = crate::now();
                let case: i64 = sqlx::query(self.q("INSERT INTO cases (org_id, client_id, program_id, phase, status, case_manager_id, opened_at, updated_at) VALUES (?, ?, ?, 'engagement', 'open', ?, ?, ?) RETURNING id"))
                    .bind(actor.org_id)
                    .bind(id)
                    .bind(program)
                    .bind(manager)
                    .bind(&at)
                    .bind(&at)
                    .fetch_one(&mut *w.tx)
                    .await?
                    .try_get("id")?;
                for _ in 0..5 {
                    sqlx::query(self.q("INSERT INTO notes (org_id, case_id, author_id, noted_on, body_enc, created_at) VALUES (?, ?, ?, ?, ?, ?)"))
                        .bind(actor.org_id)
                        .bind(case)
                        .bind(manager)
                        .bind(crate::today().to_string())
                        .bind(self.cipher().encrypt(pick(rng, NOTES_EN)))
                        .bind(&at)
                        .execute(&mut *w.tx)
                        .await?;
                }
                made += 1;
            }
        }
        crate::audit::append(self, &mut w.tx, actor, "seed_synthetic", "organization", Some(actor.org_id), serde_json::json!({"clients": count})).await?;
        w.commit().await?;
        Ok(())
    }
}
