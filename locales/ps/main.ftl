# Sendero — Pashto (ps)
skip-to-content = اصلي منځپانګې ته ورشئ
nav-label = اصلي
nav-dashboard = ډشبورډ
nav-clients = مراجعین
nav-cases = دوسیې
nav-caseloads = د دوسیو بار
nav-import = راوړل
nav-admin = اداره
nav-account = زما حساب
sign-out = وتل
language = ژبه
change-language = ژبه بدله کړئ
footer-firewall = Sendero د هغو خلکو خدمت کوي چې ورسره ملګرتیا کوي. هېڅ رول، راپور، صادرات یا API د کډوالۍ د قوانینو پلي کوونکو ته د مراجعینو د پېژندلو وړ معلومات نه ورکوي.
back-home = ډشبورډ ته بېرته
error-status = حالت
actions = کړنې
save = خوندي کول
edit = سمول
search = لټون
filter = فلټر
all = ټول
name = نوم
city = ښار
role = رول
status = حالت
status-open = پرانیستې
status-closed = تړلې
updated = تازه شوی
client = مراجع
program = پروګرام
site = ځای
phase = پړاو
relationship = د کورنۍ له مشر سره اړیکه
sort-by = ترتیب
sort-name = نوم
sort-newest = تر ټولو نوي
sort-updated = وروستي بدلون شوي
sort-opened = وروستي پرانیستل شوي
sort-client = د مراجع نوم
pager-label = پاڼې
pager-status = پاڼه { $page } له { $pages } څخه (ټول { $total })
pager-previous = مخکنۍ پاڼه
pager-next = بله پاڼه

# ننوتل
login-title = ننوتل
login-email = ایمیل
login-password = پټنوم
login-submit = ننوتل
login-invalid = دا ایمیل او پټنوم له هېڅ فعال حساب سره سمون نه خوري.
login-locked = ډېرې ناکامې هڅې. حساب د 15 دقیقو لپاره بند دی؛ مدیر یې کولی شي ژر پرانیزي.
demo-accounts = د ازموینې حسابونه (د هر رول لپاره یو)
demo-password = د ازموینې ټول حسابونه دا پټنوم کاروي

# ډشبورډ
dashboard-title = ډشبورډ
dashboard-my-open = زما پرانیستې دوسیې
dashboard-org-open = زما په موسسه کې پرانیستې دوسیې
dashboard-org-clients = زما په موسسه کې مراجعین
dashboard-my-cases = زما هغه دوسیې چې وروستی ځل بدلې شوې
dashboard-no-cases = تاسو هېڅ پرانیستې دوسیه نه لرئ.
dashboard-all-my-cases = زما ټولې دوسیې
dashboard-restricted = ستاسو رول د مراجعینو لړلیک نه لري. د پاملرنې شبکې، د سرپرستانو ثبت او ارزونې برخې دلته پرانیستل کېږي کله چې ستاسو رول ته ورکړل شي.

# مراجعین
clients-title = مراجعین
clients-new = د مراجع ثبتول
clients-search = د نوم له مخې لټون (په هر املا یا لیک)
clients-none = هېڅ مراجع سمون نه خوري.
clients-count = { $n ->
    [one] یو مراجع
   *[other] { $n } مراجعین
}
client-name = نوم
client-new-title = د مراجع ثبتول
client-edit-title = د مراجع سمول
client-identity = هویت
client-contact = د اړیکې لومړني معلومات
client-given-names = نوم
client-family-names = تخلص
client-family-names-hint = که شخص دوه تخلصونه کاروي، دواړه ولیکئ.
client-aliases = نور نومونه او املاوې
client-aliases-hint = په اسنادو کې املاوې، نوموړي، په نورو لیکونو کې نومونه.
client-birth-date = د زېږېدو نېټه
client-birth-date-hint = YYYY-MM-DD، یا YYYY-MM، یا یوازې YYYY کله چې یوازې کال معلوم وي.
client-country = اصلي هېواد
client-languages = ژبې
client-languages-hint = په کامو سره یې جلا کړئ، غوره ژبه لومړۍ.
client-a-number = A شمېره (A-number)
client-a-number-hint = 8 یا 9 عددونه. کوډ شوې ساتل کېږي.
form-has-errors = ځینې خانې پاملرنې ته اړتیا لري. هره ستونزه د خپلې خانې تر څنګ لیکل شوې ده.
conflict-explain = بل چا دا ریکارډ هغه وخت خوندي کړ چې تاسو یې سمول. ستاسو هېڅ شی لا خوندي شوی نه دی. د هغه خوندي شوي ارزښتونه لاندې دي؛ ستاسو لیکل شوي شیان په فورمه کې پاتې دي. د خپلې نسخې ساتلو لپاره بیا خوندي کړئ.
conflict-reload = زما بدلونونه لرې کړه او اوسنی ریکارډ راوړه
contacts-title = د اړیکې معلومات
contact-kind = ډول
contact-value = ارزښت
contact-since = له
contact-until = تر
contact-current = اوسنی
contact-phone = تلیفون
contact-email = ایمیل
contact-address = پته
contact-end = پای
contact-add = اړیکه زیاته کړئ
contact-replaces = د همدې ډول اوسنۍ اړیکه بدلوي (او په تاریخچه کې یې ساتي)
household-title = کورنۍ
household-none = لا د هېڅ کورنۍ غړی نه دی.
household-create = کورنۍ جوړه کړئ او دا شخص یې مشر وي
household-default-name = د { $name } کورنۍ
household-members = { $n ->
    [one] یو غړی
   *[other] { $n } غړي
}
household-add-member = د کورنۍ غړی زیات کړئ
relationship-head = د کورنۍ مشر
relationship-spouse = مېړه، مېرمن یا ملګری
relationship-child = زوی یا لور
relationship-parent = پلار یا مور
relationship-sibling = ورور یا خور
relationship-other-relative = بل خپلوان
relationship-non-relative = خپلوان نه دی

# دوسیې
cases-title = دوسیې
cases-none = هېڅ دوسیه نشته.
cases-mine = یوازې زما دوسیې
cases-count = { $n ->
    [one] یوه دوسیه
   *[other] { $n } دوسیې
}
case-heading = { $client } — { $program }
case-client-profile = د مراجع پروفایل
case-manager = د دوسیې مسؤل
case-opened = د پرانیستلو نېټه
case-open = دوسیه پرانیزئ
case-advance = بل پړاو ته تګ
case-step-back = مخکني پړاو ته بېرته
case-close = دوسیه وتړئ
case-close-reason = لامل
case-close-detail = جزییات (اختیاري)
case-reopen = دوسیه بیا پرانیزئ
case-assign = د دوسیې مسؤل وټاکئ
case-override = د دوسیو د بار له حد څخه د څارونکي تېرېدل
case-error-closed = دوسیه تړلې ده. لومړی یې بیا پرانیزئ.
case-error-already-open = دوسیه لا دمخه پرانیستې ده.
case-error-last-phase = دا د پروګرام وروستی پړاو دی: پر ځای یې دوسیه وتړئ.
case-error-first-phase = دا د پروګرام لومړی پړاو دی.
case-error-phase-not-in-program = د دوسیې پړاو د هغې پروګرام پورې اړه نه لري.
case-error-conflict = بل چا همدا اوس دا دوسیه بدله کړه. پاڼه اوس اوسنی حالت ښيي؛ بیا هڅه وکړئ.
case-error-unknown-manager = دا شخص ستاسو د موسسې فعال کارکوونکی نه دی.
caseload-error-full = دا د دوسیې مسؤل د خپلو دوسیو حد ته رسېدلی دی. څارونکی کولی شي له حد څخه په تېرېدو، چې ثبتېږي، نورې دوسیې ورته وسپاري.
notes-title = د دوسیې یادښتونه
note-date = د اړیکې نېټه
note-body = یادښت
note-add = یادښت زیات کړئ
history-title = تاریخچه
event-open = پرانیستل شوه
event-advance = مخ ته لاړه
event-step-back = شا ته راغله
event-close = وتړل شوه
event-reopen = بیا پرانیستل شوه
event-assign = وسپارل شوه
event-caseload-override = د دوسیو د بار له حد څخه تېر شو
phase-enrollment = نوم لیکنه
phase-engagement = اړیکه جوړول
phase-network-formation = د پاملرنې د شبکې جوړول
phase-assessment-planning = ارزونه او پلان جوړونه
phase-linkage-accompaniment = له خدمتونو سره نښلول او ملګرتیا
phase-monitoring = څارنه
phase-stabilization-closure = ثبات او تړل
closure-goals-met = هدفونه پوره شول
closure-moved-away = بل ځای ته لاړ
closure-lost-contact = اړیکه پرې شوه
closure-declined = خدمتونه یې ونه منل
closure-other = نور
caseloads-title = د دوسیو بار
caseloads-open = پرانیستې دوسیې
caseloads-limit = د دوسیو د بار حد
caseloads-use = کارونه
caseloads-full = حد ته رسېدلی

# رولونه، پروګرامونه، موسسې
role-administrator = مدیر
role-supervisor = څارونکی
role-case-manager = د دوسیې مسؤل
role-intake-worker = د لومړني ثبت کارکوونکی
role-volunteer = رضاکار
role-attorney = وکیل
role-evaluator = ارزونکی
program-kind = د پروګرام ډول
program-goal = د نوم لیکنې هدف
program-kind-destination = د رسېدو په ځای کې د دوسیو مدیریت
program-kind-community-network = د ټولنې د پاملرنې شبکه
program-kind-trafficking-survivor = د انسانانو د قاچاق د ژغورل شویو لپاره خدمتونه
program-kind-detention-alternative = د توقیف د بدیلونو آزمایښتي پروګرام
org-kind-lead = مشره اداره
org-kind-partner = همکاره موسسه

# حساب
account-title = زما حساب
account-password = پټنوم
account-current-password = اوسنی پټنوم
account-new-password = نوی پټنوم
account-password-hint = لږ تر لږه 10 توري. یوه لنډه جمله په اسانۍ په یاد پاتې کېږي.
account-change-password = پټنوم بدل کړئ
account-password-changed = پټنوم بدل شو. ستاسو له نورو ناستو څخه وتل وشول.
account-tokens = د API ټوکنونه
account-tokens-explain = شخصي ټوکنونه سکریپټونو ته اجازه ورکوي چې ستاسو په واکونو د JSON API (/api/v1) وکاروي. ټوکن داسې ولېږئ: "Authorization: Bearer TOKEN".
account-token-name = د ټوکن نوم
account-token-create = ټوکن جوړ کړئ
account-token-once = دا ټوکن همدا اوس کاپي کړئ؛ بیا به نه ښودل کېږي:

# اداره
admin-title = اداره
admin-users = د کارکوونکو حسابونه
admin-add-user = د کارکوونکي حساب زیات کړئ
admin-user-created = حساب جوړ شو.
admin-programs = پروګرامونه
admin-add-program = پروګرام زیات کړئ
admin-sites = ځایونه
admin-add-site = ځای زیات کړئ
admin-organizations = په ائتلاف کې موسسې
admin-add-organization = همکاره موسسه زیاته کړئ
admin-error-self = تاسو نشئ کولی د مدیر رول له ځانه لرې کړئ یا خپل حساب غیر فعال کړئ.
admin-error-not-lead = یوازې د مشرې ادارې مدیران همکارې موسسې زیاتوي.
user-active = فعال
user-inactive = غیر فعال
user-locked = بند
user-unlock = پرانیستل (ناکامې ننوتنې پاکوي)
audit-title = د پلټنې ثبت
audit-recent = ستاسو د موسسې په ځنځیر کې وروستي ثبتونه
audit-verified = { $n ->
    [one] د پلټنې ځنځیر تایید شو: یو ثبت، بې بدلونه.
   *[other] د پلټنې ځنځیر تایید شو: { $n } ثبتونه، بې بدلونه.
}
audit-broken = { $n ->
    [one] لاسوهنه وموندل شوه: یو ثبت نه تاییدېږي.
   *[other] لاسوهنه وموندل شوه: { $n } ثبتونه نه تاییدېږي.
}
audit-when = کله
audit-who = کاروونکی
audit-action = کړنه
audit-record = ریکارډ
audit-hash = هش (Hash)

# راوړل او صادرول
import-title = د مراجعینو راوړل
import-explain = یو CSV فایل پورته کړئ چې په هر کرښه کې یو کس وي. هغه کرښې چې ورته household_ref لري یوه کورنۍ جوړوي. تر هغو چې ټولې کرښې سمې نه وي، هېڅ شی نه خوندي کېږي.
import-file = CSV فایل
import-upload = پورته کول او د ستنو سمون
import-map-explain = د Sendero هره ستنه ستاسو د فایل له یوې ستنې سره سمه کړئ. هغه ستنې چې ورته نوم لري لا دمخه سمې شوې دي.
import-mapping = د ستنو سمون
import-sendero-column = د Sendero ستنه
import-file-column = ستاسو په فایل کې ستنه
import-skip = (زما په فایل کې نشته)
import-commit = ټولې کرښې وګورئ او راوړئ
import-errors = موندل شوې ستونزې (هېڅ شی رانه وړل شو)
import-line = کرښه
import-field = خانه
import-problem = ستونزه
import-failed = فایل ونه لوستل شو.
import-rejected = { $n ->
    [one] یوه ستونزه وموندل شوه. هېڅ شی رانه وړل شو؛ سمه یې کړئ او بیا یې پورته کړئ.
   *[other] { $n } ستونزې وموندل شوې. هېڅ شی رانه وړل شو؛ سمې یې کړئ او بیا یې پورته کړئ.
}
import-done = { $n ->
    [one] یو مراجع راوړل شو.
   *[other] { $n } مراجعین راوړل شول.
}
import-another = بل فایل راوړئ
export-clients = ټول مراجعین د CSV په بڼه صادر کړئ (په همدې ستنو)
import-error-not-csv = فایل د لوستلو وړ CSV فایل نه دی.
import-error-missing-column = فایل د نوم لپاره ستنه نه لري.
import-error-malformed-row = د دې کرښې د ستنو شمېر د سرلیک له کرښې سره توپیر لري.
import-error-too-many-rows = په یوه فایل کې ډېرې زیاتې کرښې دي.

# تېروتنې
error-not-found = ونه موندل شو.
error-forbidden = ستاسو رول د دې اجازه نه ورکوي.
error-unauthorized = مهرباني وکړئ ننوځئ.
error-csrf = د دې فورمې وخت تېر شوی یا له Sendero څخه نه ده راغلې. پاڼه بیا راوړئ او بیا هڅه وکړئ.
error-conflict = بل چا دا ریکارډ تر تاسو مخکې خوندي کړ. بیا یې راوړئ او بیا هڅه وکړئ.
error-unexpected = زموږ له خوا یوه ستونزه پېښه شوه. ثبت شوه.
error-invalid = دا ارزښت سم نه دی.
error-invalid-json = د غوښتنې منځپانګه د تمه شوې بڼې سم JSON نه دی.
error-required = اړین دی.
error-too-long = ډېر اوږد دی.
error-control-chars = داسې توري لري چې نشي ساتل کېدای.
error-date-format = YYYY-MM-DD، YYYY-MM یا YYYY وکاروئ.
error-date-invalid = دا نېټه شتون نه لري.
error-date-range = نېټه باید د 1900 او نن ورځې ترمنځ وي.
error-date-format-day = د YYYY-MM-DD بڼه وکاروئ.
error-note-date-range = نېټه باید د 2000-01-01 او نن ورځې ترمنځ وي.
error-a-number = A شمېره (A-number) 8 یا 9 عددونه لري.
error-phone = د تلیفون شمېره له 7 تر 15 عددونو لري، او کېدای شي + ( ) - او تشې ولري.
error-email = دا د ایمیل پته نه ده.
error-email-taken = په دې ایمیل لا دمخه یو حساب شته.
error-password-short = پټنوم باید لږ تر لږه 10 توري ولري.
error-password-wrong = اوسنی پټنوم سم نه دی.
error-number = په اجازه لرونکي حد کې یو بشپړ عدد ولیکئ.
error-relationship = اړیکه له لړلیک څخه وټاکئ.

# ارزونې
nav-reports = راپورونه
assessments-title = ارزونې
assessments-none = لا هېڅ ارزونه نشته.
assessment-date = د ارزونې نېټه
assessment-instrument = د ارزونې وسیله
assessment-timing = کله
assessment-score = نمره
assessment-flagged = خبرداری ورکړل شو
assessment-complete = بشپړ
assessment-draft = مسوده (نیمګړې)
assessment-start = ارزونه پیل کړئ
assessment-back-to-case = دوسیې ته بېرته
assessment-respondent = څوک ځواب ورکوي
assessment-language = د پوښتنو ژبه
assessment-partial-hint = تاسو کولی شئ نیمګړي ځوابونه خوندي کړئ او وروسته یې بشپړ کړئ. د بشپړولو لپاره باید هرې هغې پوښتنې ته ځواب ورکړئ چې * نښه لري.
assessment-save-draft = نیمګړي ځوابونه خوندي کړئ
assessment-complete-action = ارزونه بشپړه کړئ
assessment-question = پوښتنه
assessment-answer = ځواب
assessments-chart-title = نمرې د وخت په اوږدو کې
assessments-chart-x = ارزونه
assessments-chart-y = نمره
timing-intake = د لومړني ثبت پر مهال
timing-periodic = دوره‌يي
timing-closure = د تړلو پر مهال
assessment-error-unknown-item = یو ځواب هغې پوښتنې ته اشاره کوي چې په دې وسیله کې نشته.
assessment-error-off-scale = یو ځواب د پوښتنې له انتخابونو څخه نه دی.
assessment-error-incomplete = ځینې اړینې پوښتنې بې ځوابه دي. نیمګړي ځوابونه خوندي کړئ، یا هرې هغې پوښتنې ته ځواب ورکړئ چې * نښه لري.
assessment-error-respondent = ځواب ورکوونکی باید پخپله مراجع یا د هغه د کورنۍ غړی وي.
assessment-error-complete = بشپړه شوې ارزونه نشي بدلېدای؛ نوې ارزونه وکړئ.

# د پایلو راپورونه
outcomes-title = د پایلو راپور
outcomes-from = بنسټیزه کرښه له
outcomes-to = بنسټیزه کرښه تر
outcomes-show = راپور وښایاست
outcomes-choose = یو پروګرام وټاکئ ترڅو یې پایلې وګورئ.
outcomes-design-caveat = دا د مخکې/وروسته پرتله ده، پرته له پرتلیزې ډلې: ښيي چې د کورنیو نمرې څنګه بدلې شوې، نه دا چې د دې بدلون څومره برخه د پروګرام له امله وه. هغه کورنۍ چې د تړلو له ارزونې مخکې ووتلې لاندې شمېرل شوې دي، نه دي پټې شوې.
outcomes-participation = ګډون او وتل
outcomes-baseline = هغه کورنۍ چې د بنسټیزې کرښې (لومړني ثبت) ارزونه لري
outcomes-closure = هغه کورنۍ چې د تړلو ارزونه لري
outcomes-completion = د بشپړولو کچه (95% د باور واټن)
outcomes-lost-contact = نه بشپړوونکي چې دوسیه یې د اړیکې د پرې کېدو له امله وتړل شوه
outcomes-months = د خدمت میاشتې، بشپړوونکي (لږ تر لږه / منځنی / اوسط / ډېر تر ډېره)
outcomes-version-changes = هغه جوړې چې د وسیلې په بېلابېلو نسخو ترسره شوې (د پوښتنې له مخې جوړې شوې)
outcomes-closure-without-baseline = د تړلو ارزونې پرته له بنسټیزې کرښې (لرې شوې)
outcomes-attrition-bias = آیا هغوی چې پاتې شول په بنسټیزه کرښه کې توپیر درلود؟
outcomes-attrition-explain = د هغو کورنیو د بنسټیزې کرښې ټولې نمرې چې د تړلو ارزونه یې بشپړه کړه، د هغو په پرتله چې ونه یې کړه. لوی توپیر دا معنا لري چې لاندې بدلون ښایي د ټولو هغو لپاره سم نه وي چې پیل یې کړی و.
outcomes-completers = بشپړوونکي
outcomes-non-completers = نه بشپړوونکي
outcomes-mean = اوسط
outcomes-baseline-difference = توپیر (Welch t)
outcomes-smd = معیاري توپیر (Cohen's d)
outcomes-change = له لومړني ثبت څخه تر تړلو بدلون
outcomes-chart-title = { $instrument }: د لومړني ثبت او تړلو پر مهال اوسط نمره
outcomes-chart-x = ټولټال او برخې
outcomes-chart-y = اوسط نمره
outcomes-table-caption = د هر ټولټال، برخې او پوښتنې جوړه شوی بدلون (هغه کورنۍ چې دواړه ارزونې لري)
outcomes-variable = متغیر
outcomes-pre = د لومړني ثبت پر مهال اوسط
outcomes-post = د تړلو پر مهال اوسط
outcomes-mean-change = د بدلون اوسط
outcomes-methods = لارې: جوړه شوې t ازموینه او د Wilcoxon د نښه لرونکو رتبو ازموینه (د کوچنیو نمونو لپاره دقیقه چې برابر ارزښتونه ونه لري، که نه نو نورمال اټکل د برابرو ارزښتونو له سمون سره؛ صفر توپیرونه لرې کېږي)، دوه اړخیزه؛ د اغېز کچه Cohen's d_z او د جوړو لپاره rank-biserial r؛ د p ارزښتونه په ټولو کرښو کې د Holm په طریقه سم شوي. نشتي ځوابونه هغه جوړه یوازې له هماغې کرښې لرې کوي.
outcomes-csv = دا جدول د CSV په بڼه ښکته کړئ

# د ارزونې وسیلې
instruments-title = د ارزونې وسیلې
instrument-key = کیلي
instrument-version = نسخه
instrument-items = پوښتنې
instrument-builtin = جوړه شوې
instrument-new-version = د نوې نسخې په توګه سمول
instrument-download = ښکته کول
instrument-editor = د وسیلې سمونګر
instrument-editor-explain = یو تعریف د sendero-instrument/1 په بڼه ولګوئ یا یې سم کړئ. خوندي کول نوې نسخه جوړوي؛ ثبت شوې پایلې هغه نسخه ساتي چې پرې ترسره شوې وې.
instrument-definition = تعریف (JSON)
instrument-save = وګورئ او د نوې نسخې په توګه خوندي کړئ
instrument-saved = { $key } نسخه { $version } خوندي شوه.
instrument-error-json = تعریف د وسیلې د بڼې سم JSON نه دی:
instrument-error-too-large = تعریف ډېر لوی دی.
instrument-error-format = نامعلومه بڼه؛ sendero-instrument/1 تمه کېده:
instrument-error-key = کیلي یوازې توري، عددونه، - او _ کارولی شي:
instrument-error-version = نسخه باید 1 یا ډېره وي:
instrument-error-items = یوه وسیله له 1 تر 500 پوښتنو ته اړتیا لري؛ د دې پوښتنې
instrument-error-scale = یو مقیاس هېڅ ارزښت نه لري:
instrument-error-scale-labels = مقیاس په هره ژبه کې د هر ارزښت لپاره یو نوم ته اړتیا لري:
instrument-error-item-key = هره پوښتنه له تورو، عددونو، - او _ څخه یوې ځانګړې کیلي ته اړتیا لري:
instrument-error-item-scale = یوه پوښتنه داسې مقیاس کاروي چې تعریف شوی نه دی:
instrument-error-item-domain = یوه پوښتنه داسې برخې پورې اړه لري چې تعریف شوې نه ده:
instrument-error-flag-item = د خبرداري قاعده داسې پوښتنه یادوي چې شتون نه لري:
instrument-error-version-exists = دا نسخه لا دمخه شته: نوي تعریف ته لوړه د نسخې شمېره ورکړئ.

# تکراري ریکارډونه
merge-error-same = یو ریکارډ له ځان سره نشي یو ځای کېدای.
merge-error-already-merged = له دې ریکارډونو څخه یو لا دمخه یو ځای شوی دی.
merge-error-undone = دا یو ځای کول لا دمخه بېرته اخیستل شوي دي.
nav-dedup = تکراري
client-merged-into = دا ریکارډ له بل ریکارډ سره یو ځای شو. اوسنی ریکارډ پرانیزئ.
candidates-title = آیا دا څوک دی چې لا دمخه ثبت شوی؟
candidates-explain = دا موجود ریکارډونه هغه شخص ته ورته دي چې تاسو یې ثبتوئ. که همغه شخص وي، یو یې پرانیزئ؛ که نه نو نوی شخص ثبت کړئ.
candidates-score = د ورته والي نمره
candidates-open = دا ریکارډ پرانیزئ
candidates-new-person = دا بل څوک دی: نوی شخص ثبت کړئ
error-possible-duplicate = ښایي تکراري وي.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = نوم
match-field-family-name = تخلص
match-field-birth-date = د زېږېدو نېټه
match-field-phone = تلیفون
match-field-country = هېواد
match-field-household = د کورنۍ غړي
match-field-other-id = د سند شمېره
match-field-address = پته
match-level-exact = یو شان
match-level-transposed = یو شان، خو ځای بدل شوی (نومونه ځای بدل شوي، یا ورځ او میاشت ځای بدل شوي)
match-level-token-overlap = د لنډ نوم ټولې کلمې لري
match-level-similar = نږدې یو شان لیکل شوی
match-level-phonetic = یو شان غږېږي
match-level-within-one-year = ورته ورځ او میاشت، یو کال توپیر
match-level-year-only = د زېږېدو ورته کال
match-level-last-digits = وروستي 7 عددونه یو شان دي
match-level-disagree = توپیر لري
match-level-missing = په یوه ریکارډ کې نامعلوم
dedup-title = ښایي تکراري ریکارډونه
dedup-explain = ستاسو په موسسه کې د ریکارډونو هغه جوړې چې ښایي د یو شخص وي، تر ټولو ډاډمنې لومړی. هره جوړه وګورئ: یو ځای یې کړئ (بېرته اخیستل کېدای شي)، یا یې دوه بېل کسان وښایاست ترڅو دا جوړه بیا وړاندیز نه شي.
dedup-threshold = د ورته والي لږ تر لږه نمره
dedup-scan = بیا لټون
dedup-found = { $n ->
    [one] یوه جوړه وموندل شوه.
   *[other] { $n } جوړې وموندل شوې (لومړۍ 50 ښودل کېږي).
}
dedup-side-by-side = دواړه ریکارډونه څنګ په څنګ
dedup-keep = کوم ریکارډ وساتل شي (د بل ریکارډ دوسیې، یادښتونه، ارزونې او اړیکې ورته لېږدول کېږي)
dedup-reason = لامل
dedup-merge = یو ځای کول
dedup-distinct = بېل کسان
merge-error-reason = د یو ځای کولو لامل ولیکئ.
merges-title = یو ځای کېدنې
merges-none = لا هېڅ یو ځای کېدنه نشته.
merges-kept = ساتل شوی
merges-merged = یو ځای شوی
merges-undone = بېرته اخیستل شوی
merges-undo = بېرته اخیستل
pager-status-many = پاڼه { $page } (ټول له 10,000 څخه ډېر)
clients-count-many = له 10,000 څخه ډېر مراجعین
cases-count-many = له 10,000 څخه ډېرې دوسیې
