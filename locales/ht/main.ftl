# Sendero — Haitian Creole (ht)
skip-to-content = Ale dirèkteman nan kontni prensipal la
nav-label = Prensipal
nav-dashboard = Tablo de bò
nav-clients = Kliyan
nav-cases = Dosye
nav-caseloads = Chaj dosye
nav-import = Enpòte
nav-admin = Administrasyon
nav-account = Kont mwen
sign-out = Dekonekte
language = Lang
change-language = Chanje lang
footer-firewall = Sendero la pou sèvi moun li akonpaye yo. Okenn wòl, rapò, ekspòtasyon oswa API pa bay enfòmasyon ki ka idantifye yon kliyan bay otorite ki aplike lwa imigrasyon.
back-home = Retounen nan tablo de bò a
error-status = Estati
actions = Aksyon
save = Anrejistre
edit = Modifye
search = Chèche
filter = Filtre
all = Tout
name = Non
city = Vil
role = Wòl
status = Estati
status-open = Ouvè
status-closed = Fèmen
updated = Mizajou
client = Kliyan
program = Pwogram
site = Sit
phase = Etap
relationship = Relasyon ak chèf fanmi an
sort-by = Klase pa
sort-name = Non
sort-newest = Pi nouvo
sort-updated = Mizajou dènyèman
sort-opened = Ouvè dènyèman
sort-client = Non kliyan
pager-label = Paj
pager-status = Paj { $page } sou { $pages } ({ $total } an tout)
pager-previous = Paj anvan
pager-next = Paj apre

# Koneksyon
login-title = Konekte
login-email = Imèl
login-password = Modpas
login-submit = Konekte
login-invalid = Imèl ak modpas sa yo pa koresponn ak okenn kont ki aktif.
login-locked = Twòp esè ki echwe. Kont lan bloke pou 15 minit; yon administratè ka debloke l pi vit.
demo-accounts = Kont demonstrasyon (youn pou chak wòl)
demo-password = Tout kont demonstrasyon yo itilize modpas sa a

# Tablo de bò
dashboard-title = Tablo de bò
dashboard-my-open = dosye ouvè mwen yo
dashboard-org-open = dosye ouvè nan òganizasyon mwen
dashboard-org-clients = kliyan nan òganizasyon mwen
dashboard-my-cases = Dosye mwen yo ki te mizajou dènyèman
dashboard-no-cases = Ou pa gen okenn dosye ouvè.
dashboard-all-my-cases = Tout dosye mwen yo
dashboard-restricted = Wòl ou pa gen aksè nan rejis kliyan yo. Fonksyon rezo sipò, rejis gadyen ak evalyasyon yo ap parèt isit la lè yo disponib pou wòl ou.

# Kliyan
clients-title = Kliyan
clients-new = Anrejistre yon kliyan
clients-search = Chèche pa non (nenpòt fason yo ekri l, nenpòt alfabè)
clients-none = Pa gen kliyan ki koresponn.
clients-count = { $n ->
    [one] Yon kliyan
   *[other] { $n } kliyan
}
client-name = Non
client-new-title = Anrejistre yon kliyan
client-edit-title = Modifye kliyan an
client-identity = Idantite
client-contact = Premye enfòmasyon kontak
client-given-names = Prenon
client-family-names = Non fanmi
client-family-names-hint = Tou de non fanmi yo si moun nan itilize de.
client-aliases = Lòt non ak lòt fason pou ekri non an
client-aliases-hint = Fason yo ekri l sou dokiman, ti non, non nan lòt alfabè.
client-birth-date = Dat nesans
client-birth-date-hint = AAAA-MM-JJ, oswa AAAA-MM, oswa sèlman AAAA lè se ane a sèlman yo konnen.
client-country = Peyi orijin
client-languages = Lang
client-languages-hint = Separe yo ak vigil, lang moun nan pi renmen an an premye.
client-a-number = A-number
client-a-number-hint = 8 oswa 9 chif. Li anrejistre an fòm chifre.
form-has-errors = Gen kèk chan ki bezwen korije. Chak pwoblèm eksplike bò kote chan li a.
conflict-explain = Yon lòt moun te anrejistre dosye sa a pandan ou t ap modifye l. Anyen nan sa ou te fè poko anrejistre. Valè moun nan te anrejistre yo anba a; sa ou te tape yo rete nan fòmilè a. Anrejistre ankò pou kenbe vèsyon pa ou a.
conflict-reload = Anile chanjman mwen yo epi chaje dosye jan li ye kounye a
contacts-title = Enfòmasyon kontak
contact-kind = Kalite
contact-value = Valè
contact-since = Depi
contact-until = Jiska
contact-current = aktyèl
contact-phone = Telefòn
contact-email = Imèl
contact-address = Adrès
contact-end = Fini
contact-add = Ajoute yon kontak
contact-replaces = Ranplase kontak aktyèl kalite sa a (li rete nan istorik la)
household-title = Fwaye
household-none = Moun sa a poko fè pati yon fwaye.
household-create = Kreye yon fwaye ak moun sa a kòm chèf fanmi
household-default-name = Fanmi { $name }
household-members = { $n ->
    [one] yon manm
   *[other] { $n } manm
}
household-add-member = Ajoute yon manm nan fwaye a
relationship-head = Chèf fanmi
relationship-spouse = Mari, madanm oswa konpayon
relationship-child = Pitit
relationship-parent = Papa oswa manman
relationship-sibling = Frè oswa sè
relationship-other-relative = Lòt fanmi
relationship-non-relative = Pa fanmi

# Dosye
cases-title = Dosye
cases-none = Pa gen dosye.
cases-mine = Sèlman dosye mwen yo
cases-count = { $n ->
    [one] Yon dosye
   *[other] { $n } dosye
}
case-heading = { $client } — { $program }
case-client-profile = Pwofil kliyan an
case-manager = Jesyonè dosye
case-opened = Ouvè
case-open = Ouvri yon dosye
case-advance = Pase nan pwochen etap la
case-step-back = Retounen nan etap anvan an
case-close = Fèmen dosye a
case-close-reason = Rezon
case-close-detail = Detay (si ou vle)
case-reopen = Relouvri dosye a
case-assign = Asiyen yon jesyonè dosye
case-override = Sipèvizè a depase limit chaj dosye a
case-error-closed = Dosye a fèmen. Relouvri l anvan.
case-error-already-open = Dosye a deja ouvè.
case-error-last-phase = Sa a se dènye etap pwogram nan: fèmen dosye a pito.
case-error-first-phase = Sa a se premye etap pwogram nan.
case-error-phase-not-in-program = Etap dosye a pa fè pati pwogram li a.
case-error-conflict = Yon lòt moun fèk chanje dosye sa a. Paj la montre jan li ye kounye a; eseye ankò.
case-error-unknown-manager = Moun sa a pa yon manm pèsonèl aktif nan òganizasyon ou.
caseload-error-full = Jesyonè dosye sa a rive nan limit chaj dosye li. Yon sipèvizè ka depase limit lan ak yon otorizasyon espesyal, ki anrejistre.
notes-title = Nòt dosye
note-date = Dat kontak la
note-body = Nòt
note-add = Ajoute yon nòt
history-title = Istorik
event-open = ouvè
event-advance = avanse
event-step-back = retounen
event-close = fèmen
event-reopen = relouvri
event-assign = asiyen
event-caseload-override = limit chaj dosye depase
phase-enrollment = Enskripsyon
phase-engagement = Angajman
phase-network-formation = Fòmasyon rezo sipò
phase-assessment-planning = Evalyasyon ak planifikasyon
phase-linkage-accompaniment = Konekte ak sèvis epi akonpaye
phase-monitoring = Swivi
phase-stabilization-closure = Estabilizasyon ak fèmti
closure-goals-met = Objektif yo atenn
closure-moved-away = Demenaje
closure-lost-contact = Pèdi kontak
closure-declined = Refize sèvis yo
closure-other = Lòt
caseloads-title = Chaj dosye
caseloads-open = Dosye ouvè
caseloads-limit = Limit chaj dosye
caseloads-use = Itilizasyon
caseloads-full = nan limit lan

# Wòl, pwogram, òganizasyon
role-administrator = Administratè
role-supervisor = Sipèvizè
role-case-manager = Jesyonè dosye
role-intake-worker = Ajan admisyon
role-volunteer = Volontè
role-attorney = Avoka
role-evaluator = Evalyatè
program-kind = Kalite pwogram
program-goal = Objektif enskripsyon
program-kind-destination = Jesyon dosye nan destinasyon
program-kind-community-network = Rezo sipò kominotè
program-kind-trafficking-survivor = Sèvis pou sivivan trafik moun
program-kind-detention-alternative = Pwojè pilòt altènativ a detansyon
org-kind-lead = Ajans prensipal
org-kind-partner = Òganizasyon patnè

# Kont
account-title = Kont mwen
account-password = Modpas
account-current-password = Modpas aktyèl
account-new-password = Nouvo modpas
account-password-hint = Omwen 10 karaktè. Yon ti fraz fasil pou sonje.
account-change-password = Chanje modpas
account-password-changed = Modpas la chanje. Lòt sesyon ou yo dekonekte.
account-tokens = Jeton API
account-tokens-explain = Jeton pèsonèl yo pèmèt pwogram (script) itilize API JSON an (/api/v1) ak menm pèmisyon ou yo. Voye youn konsa: "Authorization: Bearer TOKEN".
account-token-name = Non jeton an
account-token-create = Kreye yon jeton
account-token-once = Kopye jeton sa a kounye a; yo p ap montre l ankò:

# Administrasyon
admin-title = Administrasyon
admin-users = Kont pèsonèl
admin-add-user = Ajoute yon kont pèsonèl
admin-user-created = Kont lan kreye.
admin-programs = Pwogram
admin-add-program = Ajoute yon pwogram
admin-sites = Sit
admin-add-site = Ajoute yon sit
admin-organizations = Òganizasyon nan konsòsyòm nan
admin-add-organization = Ajoute yon òganizasyon patnè
admin-error-self = Ou pa ka retire pwòp wòl administratè ou, ni dezaktive pwòp kont ou.
admin-error-not-lead = Se sèlman administratè ajans prensipal la ki ka ajoute òganizasyon patnè.
user-active = Aktif
user-inactive = Inaktif
user-locked = bloke
user-unlock = Debloke (efase koneksyon ki echwe yo)
audit-title = Jounal odit
audit-recent = Dènye antre nan chèn òganizasyon ou
audit-verified = { $n ->
    [one] Chèn odit la verifye: yon antre, san chanjman.
   *[other] Chèn odit la verifye: { $n } antre, san chanjman.
}
audit-broken = { $n ->
    [one] Gen manipilasyon: yon antre pa verifye.
   *[other] Gen manipilasyon: { $n } antre pa verifye.
}
audit-when = Kilè
audit-who = Itilizatè
audit-action = Aksyon
audit-record = Dosye
audit-hash = Hash

# Enpòtasyon ak ekspòtasyon
import-title = Enpòte kliyan
import-explain = Voye yon fichye CSV ak yon moun pou chak liy. Liy ki gen menm household_ref yo fòme yon sèl fwaye. Anyen p ap anrejistre si tout liy yo pa valab.
import-file = Fichye CSV
import-upload = Voye fichye a epi asosye kolòn yo
import-map-explain = Asosye chak kolòn Sendero ak yon kolòn nan fichye ou. Kolòn ki gen menm non deja asosye.
import-mapping = Asosyasyon kolòn yo
import-sendero-column = Kolòn Sendero
import-file-column = Kolòn nan fichye ou
import-skip = (pa nan fichye mwen)
import-commit = Verifye chak liy epi enpòte
import-errors = Pwoblèm yo jwenn (anyen pa enpòte)
import-line = Liy
import-field = Chan
import-problem = Pwoblèm
import-failed = Nou pa t ka li fichye a.
import-rejected = { $n ->
    [one] Nou jwenn yon pwoblèm. Anyen pa enpòte; korije l epi voye fichye a ankò.
   *[other] Nou jwenn { $n } pwoblèm. Anyen pa enpòte; korije yo epi voye fichye a ankò.
}
import-done = { $n ->
    [one] Yon kliyan enpòte.
   *[other] { $n } kliyan enpòte.
}
import-another = Enpòte yon lòt fichye
export-clients = Ekspòte tout kliyan yo an CSV (menm kolòn yo)
import-error-not-csv = Fichye a pa yon fichye CSV nou ka li.
import-error-missing-column = Fichye a pa gen kolòn pou prenon.
import-error-malformed-row = Liy sa a pa gen menm kantite kolòn ak antèt la.
import-error-too-many-rows = Twòp liy nan yon sèl fichye.

# Erè
error-not-found = Nou pa jwenn li.
error-forbidden = Wòl ou pa pèmèt sa.
error-unauthorized = Tanpri konekte.
error-csrf = Fòmilè sa a ekspire oswa li pa soti nan Sendero. Rechaje paj la epi eseye ankò.
error-conflict = Yon lòt moun te anrejistre dosye sa a anvan ou. Rechaje l epi eseye ankò.
error-unexpected = Yon bagay mal pase bò kote pa nou. Nou anrejistre pwoblèm nan.
error-invalid = Valè sa a pa valab.
error-invalid-json = Kò demann lan pa yon JSON valab ki gen fòm nou atann lan.
error-required = Obligatwa.
error-too-long = Twò long.
error-control-chars = Gen karaktè nou pa ka anrejistre.
error-date-format = Itilize AAAA-MM-JJ, AAAA-MM oswa AAAA.
error-date-invalid = Dat sa a pa egziste.
error-date-range = Dat la dwe ant 1900 ak jodi a.
error-date-format-day = Itilize fòma AAAA-MM-JJ.
error-note-date-range = Dat la dwe ant 2000-01-01 ak jodi a.
error-a-number = Yon A-number gen 8 oswa 9 chif.
error-phone = Yon nimewo telefòn gen 7 a 15 chif, avèk + ( ) - ak espas si ou vle.
error-email = Sa a pa yon adrès imèl.
error-email-taken = Gen yon kont ki egziste deja ak imèl sa a.
error-password-short = Modpas la dwe gen omwen 10 karaktè.
error-password-wrong = Modpas aktyèl la pa kòrèk.
error-number = Antre yon nonb antye ki nan limit ki pèmèt yo.
error-relationship = Chwazi yon relasyon nan lis la.

# Evalyasyon
nav-reports = Rapò
assessments-title = Evalyasyon
assessments-none = Poko gen evalyasyon.
assessment-date = Dat evalyasyon an
assessment-instrument = Enstriman
assessment-timing = Kilè
assessment-score = Nòt
assessment-flagged = gen yon siyal alèt
assessment-complete = Fini
assessment-draft = Bouyon (pa fini)
assessment-start = Kòmanse yon evalyasyon
assessment-back-to-case = Retounen nan dosye a
assessment-respondent = Ki moun k ap reponn
assessment-language = Lang kesyon yo
assessment-partial-hint = Ou ka anrejistre yon pati nan repons yo epi fini pita. Pou fini, fòk tout kesyon ki make * gen repons.
assessment-save-draft = Anrejistre repons yo jan yo ye a
assessment-complete-action = Fini evalyasyon an
assessment-question = Kesyon
assessment-answer = Repons
assessments-chart-title = Nòt yo atravè tan
assessments-chart-x = Evalyasyon
assessments-chart-y = Nòt
timing-intake = Admisyon
timing-periodic = Peryodik
timing-closure = Fèmti
assessment-error-unknown-item = Yon repons gen rapò ak yon kesyon ki pa nan enstriman sa a.
assessment-error-off-scale = Yon repons pa youn nan chwa kesyon an.
assessment-error-incomplete = Gen kèk kesyon obligatwa ki pa gen repons. Anrejistre repons yo jan yo ye a, oswa reponn tout kesyon ki make *.
assessment-error-respondent = Moun k ap reponn lan dwe kliyan an oswa yon manm nan fwaye kliyan an.
assessment-error-complete = Ou pa ka chanje yon evalyasyon ki fini; fè yon nouvo.

# Rapò rezilta
outcomes-title = Rapò rezilta
outcomes-from = Referans depi
outcomes-to = Referans jiska
outcomes-show = Montre rapò a
outcomes-choose = Chwazi yon pwogram pou wè rezilta li.
outcomes-design-caveat = Sa a se yon konparezon anvan/apre san gwoup konparezon: li montre kijan nòt fanmi yo chanje, men li pa montre ki pati nan chanjman sa a se pwogram nan ki lakòz li. Fanmi ki te kite anvan evalyasyon fèmti a konte anba a, yo pa kache.
outcomes-participation = Patisipasyon ak abandon
outcomes-baseline = Fanmi ki gen yon evalyasyon referans (admisyon)
outcomes-closure = Fanmi ki gen yon evalyasyon fèmti
outcomes-completion = To fen (IC 95%)
outcomes-lost-contact = Moun ki pa fini yo ki gen dosye fèmen paske kontak la pèdi
outcomes-months = Mwa sèvis, moun ki fini (min / medyàn / mwayèn / maks)
outcomes-version-changes = Pè ki fèt ak vèsyon enstriman diferan (asosye pa kesyon)
outcomes-closure-without-baseline = Evalyasyon fèmti san referans (yo pa konte)
outcomes-attrition-bias = Èske moun ki rete yo te diferan nan kòmansman?
outcomes-attrition-explain = Nòt total referans fanmi ki fini evalyasyon fèmti a, konpare ak fanmi ki pa t fini l. Si diferans lan gwo, chanjman ki anba a ka pa vre pou tout moun ki te kòmanse.
outcomes-completers = Moun ki fini
outcomes-non-completers = Moun ki pa fini
outcomes-mean = mwayèn
outcomes-baseline-difference = Diferans (t Welch)
outcomes-smd = Diferans estanda (d Cohen)
outcomes-change = Chanjman soti nan admisyon rive nan fèmti
outcomes-chart-title = { $instrument }: nòt mwayèn nan admisyon ak nan fèmti
outcomes-chart-x = Total ak domèn
outcomes-chart-y = Nòt mwayèn
outcomes-table-caption = Chanjman pa pè pou total, domèn ak kesyon (fanmi ki gen tou de evalyasyon yo)
outcomes-variable = Varyab
outcomes-pre = Mwayèn nan admisyon
outcomes-post = Mwayèn nan fèmti
outcomes-mean-change = Chanjman mwayen
outcomes-methods = Metòd: tès t pou done pè ak tès ran sinye Wilcoxon (egzak pou ti echantiyon san egalite, sinon apwoksimasyon nòmal ak koreksyon pou egalite; diferans zewo yo retire), de bò; gwosè efè d_z Cohen ak r ran-bizeryal pou pè asosye; valè p ajiste sou tout liy yo ak metòd Holm. Lè yon repons manke, se sèlman pè sa a ki soti nan liy sa a.
outcomes-csv = Telechaje tablo sa a an CSV

# Enstriman
instruments-title = Enstriman evalyasyon
instrument-key = Kle
instrument-version = Vèsyon
instrument-items = Kesyon
instrument-builtin = entegre
instrument-new-version = Modifye kòm yon nouvo vèsyon
instrument-download = Telechaje
instrument-editor = Editè enstriman
instrument-editor-explain = Kole oswa modifye yon definisyon nan fòma sendero-instrument/1. Lè ou anrejistre, sa kreye yon nouvo vèsyon; rezilta ki deja anrejistre yo kenbe vèsyon yo te fèt avè l la.
instrument-definition = Definisyon (JSON)
instrument-save = Verifye epi anrejistre kòm nouvo vèsyon
instrument-saved = { $key } vèsyon { $version } anrejistre.
instrument-error-json = Definisyon an pa yon JSON valab nan fòma enstriman an:
instrument-error-too-large = Definisyon an twò gwo.
instrument-error-format = Fòma nou pa konnen; nou te atann sendero-instrument/1:
instrument-error-key = Kle a ka gen sèlman lèt, chif, - ak _:
instrument-error-version = Vèsyon an dwe 1 oswa plis:
instrument-error-items = Yon enstriman bezwen ant 1 ak 500 kesyon; sa a genyen
instrument-error-scale = Yon echèl pa gen valè:
instrument-error-scale-labels = Yon echèl bezwen yon etikèt pou chak valè nan chak lang:
instrument-error-item-key = Chak kesyon bezwen yon kle inik ak lèt, chif, - ak _:
instrument-error-item-scale = Yon kesyon itilize yon echèl ki pa defini:
instrument-error-item-domain = Yon kesyon fè pati yon domèn ki pa defini:
instrument-error-flag-item = Règ alèt la nonmen yon kesyon ki pa egziste:
instrument-error-version-exists = Vèsyon sa a egziste deja: bay nouvo definisyon an yon nimewo vèsyon ki pi wo.

# Doub
merge-error-same = Ou pa ka fizyone yon dosye ak tèt li.
merge-error-already-merged = Youn nan dosye sa yo te deja fizyone.
merge-error-undone = Fizyon sa a te deja anile.
nav-dedup = Doub
client-merged-into = Dosye sa a te fizyone nan yon lòt. Ouvri dosye aktyèl la.
candidates-title = Èske moun sa a deja anrejistre?
candidates-explain = Dosye sa yo sanble ak moun w ap anrejistre a. Ouvri youn si se menm moun nan; sinon anrejistre yon nouvo moun.
candidates-score = nòt konpatibilite
candidates-open = Ouvri dosye sa a
candidates-new-person = Se yon lòt moun: anrejistre yon nouvo moun
error-possible-duplicate = Petèt se yon doub.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = Prenon
match-field-family-name = Non fanmi
match-field-birth-date = Dat nesans
match-field-phone = Telefòn
match-field-country = Peyi
match-field-household = Manm fwaye a
match-field-other-id = Nimewo dokiman
match-field-address = Adrès
match-level-exact = menm bagay
match-level-transposed = menm bagay, men chanje plas (non yo chanje plas, oswa jou ak mwa chanje plas)
match-level-token-overlap = gen tout mo ki nan pi kout la
match-level-similar = ekri prèske menm jan
match-level-phonetic = sonnen menm jan
match-level-within-one-year = menm jou ak menm mwa, yon ane diferans
match-level-year-only = menm ane nesans
match-level-last-digits = menm 7 dènye chif
match-level-disagree = diferan
match-level-missing = nou pa konnen l sou youn nan dosye yo
dedup-title = Dosye ki ka doub
dedup-explain = Pè dosye nan òganizasyon ou ki ka se menm moun nan, pi pwobab yo an premye. Egzamine chak pè: fizyone l (ou ka anile sa), oswa make yo kòm de moun diferan pou yo pa pwopoze pè sa a ankò.
dedup-threshold = Nòt konpatibilite minimòm
dedup-scan = Chèche ankò
dedup-found = { $n ->
    [one] Nou jwenn yon pè.
   *[other] Nou jwenn { $n } pè (50 premye yo parèt).
}
dedup-side-by-side = De dosye yo kòt a kòt
dedup-keep = Ki dosye pou kenbe (dosye, nòt, evalyasyon ak kontak lòt la ap vin ladan l)
dedup-reason = Rezon
dedup-merge = Fizyone
dedup-distinct = Moun diferan
merge-error-reason = Bay yon rezon pou fizyon an.
merges-title = Fizyon
merges-none = Poko gen fizyon.
merges-kept = Kenbe
merges-merged = Fizyone
merges-undone = anile
merges-undo = Anile
pager-status-many = Paj { $page } (plis pase 10 000 an tout)
clients-count-many = Plis pase 10 000 kliyan
cases-count-many = Plis pase 10 000 dosye
