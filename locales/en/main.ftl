# Sendero — English
skip-to-content = Skip to main content
nav-label = Main
nav-dashboard = Dashboard
nav-clients = Clients
nav-cases = Cases
nav-caseloads = Caseloads
nav-import = Import
nav-admin = Administration
nav-account = My account
sign-out = Sign out
language = Language
change-language = Change language
footer-firewall = Sendero serves the people it accompanies. No role, report, export or API gives identifiable client data to immigration enforcement.
back-home = Back to the dashboard
error-status = Status
actions = Actions
save = Save
edit = Edit
search = Search
filter = Filter
all = All
name = Name
city = City
role = Role
status = Status
status-open = Open
status-closed = Closed
updated = Updated
client = Client
program = Program
site = Site
phase = Phase
relationship = Relationship to head of family
sort-by = Sort by
sort-name = Name
sort-newest = Newest
sort-updated = Recently updated
sort-opened = Recently opened
sort-client = Client name
pager-label = Pages
pager-status = Page { $page } of { $pages } ({ $total } in all)
pager-previous = Previous page
pager-next = Next page

# Sign-in
login-title = Sign in
login-email = Email
login-password = Password
login-submit = Sign in
login-invalid = That email and password do not match an active account.
login-locked = Too many failed attempts. The account is locked for 15 minutes; an administrator can unlock it sooner.
demo-accounts = Demo accounts (one per role)
demo-password = Every demo account uses the password

# Dashboard
dashboard-title = Dashboard
dashboard-my-open = my open cases
dashboard-org-open = open cases in my organization
dashboard-org-clients = clients in my organization
dashboard-my-cases = My most recently updated cases
dashboard-no-cases = You have no open cases.
dashboard-all-my-cases = All my cases
dashboard-restricted = Your role does not include the client register. Care-network, guardian-registry and evaluation features open here as they become available to your role.

# Clients
clients-title = Clients
clients-new = Register a client
clients-search = Search by name (any spelling or script)
clients-none = No clients match.
clients-count = { $n ->
    [one] One client
   *[other] { $n } clients
}
client-name = Name
client-new-title = Register a client
client-edit-title = Edit client
client-identity = Identity
client-contact = First contact details
client-given-names = Given names
client-family-names = Family names
client-family-names-hint = Both surnames if the person uses two.
client-aliases = Other names and spellings
client-aliases-hint = Spellings on documents, nicknames, names in other scripts.
client-birth-date = Date of birth
client-birth-date-hint = YYYY-MM-DD, or YYYY-MM, or just YYYY when only the year is known.
client-country = Country of origin
client-languages = Languages
client-languages-hint = Separated by commas, preferred first.
client-a-number = A-number
client-a-number-hint = 8 or 9 digits. Stored encrypted.
form-has-errors = Some fields need attention. Each problem is described next to its field.
conflict-explain = Someone else saved this record while you were editing it. Nothing of yours was saved yet. Their saved values are below; your typing is kept in the form. Save again to keep your version.
conflict-reload = Discard my changes and load the current record
contacts-title = Contact details
contact-kind = Kind
contact-value = Value
contact-since = Since
contact-until = Until
contact-current = current
contact-phone = Phone
contact-email = Email
contact-address = Address
contact-end = End
contact-add = Add contact
contact-replaces = Replaces the current one of this kind (keeps it in the history)
household-title = Household
household-none = Not part of a household yet.
household-create = Start a household with this person as head of family
household-default-name = { $name } family
household-members = { $n ->
    [one] one member
   *[other] { $n } members
}
household-add-member = Add a household member
relationship-head = Head of family
relationship-spouse = Spouse or partner
relationship-child = Child
relationship-parent = Parent
relationship-sibling = Sibling
relationship-other-relative = Other relative
relationship-non-relative = Not related

# Cases
cases-title = Cases
cases-none = No cases.
cases-mine = Only my cases
cases-count = { $n ->
    [one] One case
   *[other] { $n } cases
}
case-heading = { $client } — { $program }
case-client-profile = Client profile
case-manager = Case manager
case-opened = Opened
case-open = Open a case
case-advance = Move to the next phase
case-step-back = Back to the previous phase
case-close = Close the case
case-close-reason = Reason
case-close-detail = Details (optional)
case-reopen = Re-open the case
case-assign = Assign a case manager
case-override = Supervisor override of the caseload limit
case-error-closed = The case is closed. Re-open it first.
case-error-already-open = The case is already open.
case-error-last-phase = This is the program's last phase: close the case instead.
case-error-first-phase = This is the program's first phase.
case-error-phase-not-in-program = The case's phase does not belong to its program.
case-error-conflict = Someone else changed this case a moment ago. The page now shows the current state; try again.
case-error-unknown-manager = That person is not an active staff member of your organization.
caseload-error-full = That case manager is at their caseload limit. A supervisor can assign past the limit with an override, which is recorded.
notes-title = Case notes
note-date = Date of contact
note-body = Note
note-add = Add note
history-title = History
event-open = opened
event-advance = moved forward
event-step-back = moved back
event-close = closed
event-reopen = re-opened
event-assign = assigned
event-caseload-override = caseload limit overridden
phase-enrollment = Enrollment
phase-engagement = Engagement
phase-network-formation = Care network formation
phase-assessment-planning = Assessment and planning
phase-linkage-accompaniment = Linkage and accompaniment
phase-monitoring = Monitoring
phase-stabilization-closure = Stabilization and closure
closure-goals-met = Goals met
closure-moved-away = Moved away
closure-lost-contact = Lost contact
closure-declined = Declined services
closure-other = Other
caseloads-title = Caseloads
caseloads-open = Open cases
caseloads-limit = Caseload limit
caseloads-use = Use
caseloads-full = at limit

# Roles, programs, organizations
role-administrator = Administrator
role-supervisor = Supervisor
role-case-manager = Case manager
role-intake-worker = Intake worker
role-volunteer = Volunteer
role-attorney = Attorney
role-evaluator = Evaluator
program-kind = Kind of program
program-goal = Enrollment goal
program-kind-destination = Destination case management
program-kind-community-network = Community care network
program-kind-trafficking-survivor = Trafficking-survivor services
program-kind-detention-alternative = Alternatives-to-detention pilot
org-kind-lead = Lead agency
org-kind-partner = Partner organization

# Account
account-title = My account
account-password = Password
account-current-password = Current password
account-new-password = New password
account-password-hint = At least 10 characters. A short sentence is easy to remember.
account-change-password = Change password
account-password-changed = Password changed. Your other sessions were signed out.
account-tokens = API tokens
account-tokens-explain = Personal tokens let scripts use the JSON API (/api/v1) with your permissions. Send one as "Authorization: Bearer TOKEN".
account-token-name = Token name
account-token-create = Create token
account-token-once = Copy this token now; it will not be shown again:

# Administration
admin-title = Administration
admin-users = Staff accounts
admin-add-user = Add a staff account
admin-user-created = Account created.
admin-programs = Programs
admin-add-program = Add program
admin-sites = Sites
admin-add-site = Add site
admin-organizations = Organizations in the consortium
admin-add-organization = Add partner organization
admin-error-self = You cannot remove your own administrator role or deactivate your own account.
admin-error-not-lead = Only the lead agency's administrators add partner organizations.
user-active = Active
user-inactive = Inactive
user-locked = locked
user-unlock = Unlock (clears failed sign-ins)
audit-title = Audit log
audit-recent = Latest entries in your organization's chain
audit-verified = { $n ->
    [one] The audit chain verifies: one entry, unaltered.
   *[other] The audit chain verifies: { $n } entries, unaltered.
}
audit-broken = { $n ->
    [one] Tampering detected: one entry does not verify.
   *[other] Tampering detected: { $n } entries do not verify.
}
audit-when = When
audit-who = User
audit-action = Action
audit-record = Record
audit-hash = Hash

# Import and export
import-title = Import clients
import-explain = Upload a CSV file with one person per row. Rows that share a household_ref become one household. Nothing is saved unless every row is valid.
import-file = CSV file
import-upload = Upload and map columns
import-map-explain = Match each Sendero column to a column of your file. Columns with the same name are already matched.
import-mapping = Column mapping
import-sendero-column = Sendero column
import-file-column = Column in your file
import-skip = (not in my file)
import-commit = Check every row and import
import-errors = Problems found (nothing was imported)
import-line = Line
import-field = Field
import-problem = Problem
import-failed = The file could not be read.
import-rejected = { $n ->
    [one] One problem found. Nothing was imported; fix it and upload again.
   *[other] { $n } problems found. Nothing was imported; fix them and upload again.
}
import-done = { $n ->
    [one] One client imported.
   *[other] { $n } clients imported.
}
import-another = Import another file
export-clients = Export all clients as CSV (same columns)
import-error-not-csv = The file is not a readable CSV file.
import-error-missing-column = The file has no column for given names.
import-error-malformed-row = This row has a different number of columns than the header.
import-error-too-many-rows = Too many rows in one file.

# Errors
error-not-found = Not found.
error-forbidden = Your role does not allow this.
error-unauthorized = Please sign in.
error-csrf = This form expired or did not come from Sendero. Reload the page and try again.
error-conflict = Someone else saved this record first. Reload it and try again.
error-unexpected = Something went wrong on our side. It has been logged.
error-invalid = This value is not valid.
error-invalid-json = The request body is not valid JSON of the expected shape.
error-required = Required.
error-too-long = Too long.
error-control-chars = Contains characters that cannot be stored.
error-date-format = Use YYYY-MM-DD, YYYY-MM or YYYY.
error-date-invalid = That date does not exist.
error-date-range = The date must be between 1900 and today.
error-date-format-day = Use the format YYYY-MM-DD.
error-note-date-range = The date must be between 2000-01-01 and today.
error-a-number = An A-number has 8 or 9 digits.
error-phone = A phone number has 7 to 15 digits, optionally with + ( ) - and spaces.
error-email = That is not an email address.
error-email-taken = An account with that email already exists.
error-password-short = The password must have at least 10 characters.
error-password-wrong = The current password is not correct.
error-number = Enter a whole number in the allowed range.
error-relationship = Choose a relationship from the list.

# Assessments
nav-reports = Reports
assessments-title = Assessments
assessments-none = No assessments yet.
assessment-date = Date taken
assessment-instrument = Instrument
assessment-timing = When
assessment-score = Score
assessment-flagged = flag raised
assessment-complete = Complete
assessment-draft = Draft (partial)
assessment-start = Start an assessment
assessment-back-to-case = Back to the case
assessment-respondent = Who answers
assessment-language = Language of the questions
assessment-partial-hint = You can save partial answers and finish later. Completing needs every question marked *.
assessment-save-draft = Save partial answers
assessment-complete-action = Complete the assessment
assessment-question = Question
assessment-answer = Answer
assessments-chart-title = Scores over time
assessments-chart-x = Assessment
assessments-chart-y = Score
timing-intake = Intake
timing-periodic = Periodic
timing-closure = Closure
assessment-error-unknown-item = An answer refers to a question that is not in this instrument.
assessment-error-off-scale = An answer is not one of the question's options.
assessment-error-incomplete = Some required questions are unanswered. Save partial answers, or answer every question marked *.
assessment-error-respondent = The person answering must be the client or a member of the client's household.
assessment-error-complete = A completed assessment cannot be changed; take a new one.

# Outcome reports
outcomes-title = Outcome report
outcomes-from = Baseline from
outcomes-to = Baseline until
outcomes-show = Show report
outcomes-choose = Choose a program to see its outcomes.
outcomes-design-caveat = This is a pre/post comparison without a comparison group: it shows how families' scores changed, not how much of that change the program caused. Families who left before the closure assessment are counted below, not hidden.
outcomes-participation = Participation and attrition
outcomes-baseline = Families with a baseline (intake) assessment
outcomes-closure = Families with a closure assessment
outcomes-completion = Completion rate (95% CI)
outcomes-lost-contact = Non-completers whose case closed as lost contact
outcomes-months = Months of service, completers (min / median / mean / max)
outcomes-version-changes = Pairs taken with different instrument versions (paired by question)
outcomes-closure-without-baseline = Closure assessments without a baseline (left out)
outcomes-attrition-bias = Did those who stayed differ at baseline?
outcomes-attrition-explain = Baseline total scores of families who completed the closure assessment, against those who did not. A large difference means the change below may not hold for everyone who started.
outcomes-completers = Completers
outcomes-non-completers = Non-completers
outcomes-mean = mean
outcomes-baseline-difference = Difference (Welch t)
outcomes-smd = Standardized difference (Cohen's d)
outcomes-change = Change from intake to closure
outcomes-chart-title = { $instrument }: mean score at intake and at closure
outcomes-chart-x = Total and domains
outcomes-chart-y = Mean score
outcomes-table-caption = Paired change per total, domain and question (families with both assessments)
outcomes-variable = Variable
outcomes-pre = Mean at intake
outcomes-post = Mean at closure
outcomes-mean-change = Mean change
outcomes-methods = Methods: paired t-test and Wilcoxon signed-rank test (exact for small samples without ties, otherwise normal approximation with tie correction; zero differences dropped), two-sided; effect sizes Cohen's d_z and matched-pairs rank-biserial r; p-values adjusted across all rows with Holm's method. Missing answers leave that pair out of that row only.
outcomes-csv = Download this table as CSV

# Instruments
instruments-title = Assessment instruments
instrument-key = Key
instrument-version = Version
instrument-items = Questions
instrument-builtin = built in
instrument-new-version = Edit as a new version
instrument-download = Download
instrument-editor = Instrument editor
instrument-editor-explain = Paste or edit a definition in the sendero-instrument/1 format. Saving creates a new version; results already recorded keep the version they were taken with.
instrument-definition = Definition (JSON)
instrument-save = Check and save as a new version
instrument-saved = Saved { $key } version { $version }.
instrument-error-json = The definition is not valid JSON of the instrument format:
instrument-error-too-large = The definition is too large.
instrument-error-format = Unknown format; expected sendero-instrument/1:
instrument-error-key = The key may use only letters, digits, - and _:
instrument-error-version = The version must be 1 or more:
instrument-error-items = An instrument needs between 1 and 500 questions; it has
instrument-error-scale = A scale has no values:
instrument-error-scale-labels = A scale needs one label per value in each language:
instrument-error-item-key = Each question needs a unique key of letters, digits, - and _:
instrument-error-item-scale = A question uses a scale that is not defined:
instrument-error-item-domain = A question belongs to a domain that is not defined:
instrument-error-flag-item = The flag rule names a question that does not exist:
instrument-error-version-exists = That version already exists: give the new definition a higher version number.

# Duplicates
merge-error-same = A record cannot be merged with itself.
merge-error-already-merged = One of these records was already merged.
merge-error-undone = This merge was already undone.
nav-dedup = Duplicates
client-merged-into = This record was merged into another one. Open the current record.
candidates-title = Is this someone already registered?
candidates-explain = These existing records look like the person you are registering. Open one if it is the same person; otherwise register a new person.
candidates-score = match score
candidates-open = Open this record
candidates-new-person = It is someone else: register a new person
error-possible-duplicate = Possible duplicate.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = Given names
match-field-family-name = Family names
match-field-birth-date = Date of birth
match-field-phone = Phone
match-field-country = Country
match-field-household = Household members
match-field-other-id = Document number
match-field-address = Address
match-level-exact = the same
match-level-transposed = the same, swapped (names swapped, or day and month swapped)
match-level-token-overlap = shares all the words of the shorter one
match-level-similar = spelled almost the same
match-level-phonetic = sounds the same
match-level-within-one-year = same day and month, one year apart
match-level-year-only = same year of birth
match-level-last-digits = shares the last 7 digits
match-level-disagree = different
match-level-missing = unknown on one record
dedup-title = Possible duplicate records
dedup-explain = Pairs of records in your organization that may be the same person, best first. Review each pair: merge it (reversible), or mark the two as different people so the pair is not proposed again.
dedup-threshold = Minimum match score
dedup-scan = Scan again
dedup-found = { $n ->
    [one] One pair found.
   *[other] { $n } pairs found (the first 50 are shown).
}
dedup-side-by-side = The two records side by side
dedup-keep = Keep which record (the other's cases, notes, assessments and contacts move to it)
dedup-reason = Reason
dedup-merge = Merge
dedup-distinct = Different people
merge-error-reason = Give a reason for the merge.
merges-title = Merges
merges-none = No merges yet.
merges-kept = Kept
merges-merged = Merged
merges-undone = undone
merges-undo = Undo
pager-status-many = Page { $page } (more than 10,000 in all)
clients-count-many = More than 10,000 clients
cases-count-many = More than 10,000 cases
