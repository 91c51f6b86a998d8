# Sendero — Dari (fa-AF)
skip-to-content = رفتن به محتوای اصلی
nav-label = اصلی
nav-dashboard = داشبورد
nav-clients = مراجعین
nav-cases = پرونده‌ها
nav-caseloads = بار پرونده‌ها
nav-import = وارد کردن
nav-admin = اداره
nav-account = حساب من
sign-out = خروج
language = زبان
change-language = تغییر زبان
footer-firewall = Sendero در خدمت کسانی است که همراهی‌شان می‌کند. هیچ نقش، گزارش، خروجی یا API معلومات قابل شناسایی مراجعین را به مأموران تطبیق قوانین مهاجرت نمی‌دهد.
back-home = برگشت به داشبورد
error-status = وضعیت
actions = اقدامات
save = ذخیره
edit = ویرایش
search = جستجو
filter = فلتر
all = همه
name = نام
city = شهر
role = نقش
status = وضعیت
status-open = باز
status-closed = بسته
updated = تازه‌شده
client = مراجع
program = برنامه
site = محل
phase = مرحله
relationship = رابطه با سرپرست خانواده
sort-by = ترتیب بر اساس
sort-name = نام
sort-newest = جدیدترین
sort-updated = تازه‌ترین تغییرات
sort-opened = تازه‌ترین باز شده‌ها
sort-client = نام مراجع
pager-label = صفحه‌ها
pager-status = صفحهٔ { $page } از { $pages } (مجموعاً { $total })
pager-previous = صفحهٔ قبلی
pager-next = صفحهٔ بعدی

# ورود
login-title = ورود
login-email = ایمیل
login-password = رمز عبور
login-submit = ورود
login-invalid = این ایمیل و رمز عبور با هیچ حساب فعال مطابقت ندارد.
login-locked = کوشش‌های ناکام زیاد. حساب برای 15 دقیقه قفل است؛ مدیر سیستم می‌تواند زودتر آن را باز کند.
demo-accounts = حساب‌های نمایشی (یکی برای هر نقش)
demo-password = همهٔ حساب‌های نمایشی این رمز عبور را دارند

# داشبورد
dashboard-title = داشبورد
dashboard-my-open = پرونده‌های باز من
dashboard-org-open = پرونده‌های باز مؤسسهٔ من
dashboard-org-clients = مراجعین مؤسسهٔ من
dashboard-my-cases = پرونده‌های من که به تازگی تغییر کرده‌اند
dashboard-no-cases = شما هیچ پروندهٔ باز ندارید.
dashboard-all-my-cases = همهٔ پرونده‌های من
dashboard-restricted = نقش شما شامل فهرست مراجعین نیست. بخش‌های شبکهٔ مراقبت، ثبت سرپرستان قانونی و ارزیابی وقتی برای نقش شما فعال شوند، اینجا باز می‌شوند.

# مراجعین
clients-title = مراجعین
clients-new = ثبت مراجع
clients-search = جستجو با نام (به هر املا یا خط)
clients-none = هیچ مراجعی مطابقت ندارد.
clients-count = { $n ->
    [one] یک مراجع
   *[other] { $n } مراجع
}
client-name = نام
client-new-title = ثبت مراجع
client-edit-title = ویرایش مراجع
client-identity = هویت
client-contact = معلومات تماس اول
client-given-names = نام
client-family-names = تخلص
client-family-names-hint = اگر شخص دو تخلص دارد، هر دو را بنویسید.
client-aliases = نام‌ها و املاهای دیگر
client-aliases-hint = املا در اسناد، لقب‌ها، نام به خط‌های دیگر.
client-birth-date = تاریخ تولد
client-birth-date-hint = YYYY-MM-DD، یا YYYY-MM، یا فقط YYYY اگر تنها سال معلوم است.
client-country = کشور اصلی
client-languages = زبان‌ها
client-languages-hint = با کامه جدا کنید، زبان دلخواه اول.
client-a-number = نمبر A (A-number)
client-a-number-hint = 8 یا 9 رقم. به شکل رمزگذاری‌شده ذخیره می‌شود.
form-has-errors = بعضی خانه‌ها نیاز به توجه دارند. هر مشکل کنار خانهٔ خودش نوشته شده است.
conflict-explain = شخص دیگری این ریکارد را در حالی که شما ویرایش می‌کردید ذخیره کرد. هنوز هیچ چیز شما ذخیره نشده است. مقدارهای ذخیره‌شدهٔ او در پایین است؛ نوشته‌های شما در فورم باقی است. برای نگه‌داشتن نسخهٔ خود دوباره ذخیره کنید.
conflict-reload = تغییرات من را رد کن و ریکارد فعلی را بار کن
contacts-title = معلومات تماس
contact-kind = نوع
contact-value = مقدار
contact-since = از
contact-until = تا
contact-current = فعلی
contact-phone = تلفون
contact-email = ایمیل
contact-address = آدرس
contact-end = ختم
contact-add = افزودن تماس
contact-replaces = جای تماس فعلی همین نوع را می‌گیرد (و آن را در تاریخچه نگه می‌دارد)
household-title = خانواده
household-none = هنوز عضو هیچ خانواده نیست.
household-create = ساختن خانواده با این شخص به حیث سرپرست خانواده
household-default-name = خانوادهٔ { $name }
household-members = { $n ->
    [one] یک عضو
   *[other] { $n } عضو
}
household-add-member = افزودن عضو خانواده
relationship-head = سرپرست خانواده
relationship-spouse = همسر یا شریک زندگی
relationship-child = فرزند
relationship-parent = پدر یا مادر
relationship-sibling = برادر یا خواهر
relationship-other-relative = خویشاوند دیگر
relationship-non-relative = خویشاوند نیست

# پرونده‌ها
cases-title = پرونده‌ها
cases-none = هیچ پرونده‌ای نیست.
cases-mine = فقط پرونده‌های من
cases-count = { $n ->
    [one] یک پرونده
   *[other] { $n } پرونده
}
case-heading = { $client } — { $program }
case-client-profile = پروفایل مراجع
case-manager = مسئول پرونده
case-opened = تاریخ باز شدن
case-open = باز کردن پرونده
case-advance = رفتن به مرحلهٔ بعدی
case-step-back = برگشت به مرحلهٔ قبلی
case-close = بستن پرونده
case-close-reason = دلیل
case-close-detail = جزئیات (اختیاری)
case-reopen = دوباره باز کردن پرونده
case-assign = تعیین مسئول پرونده
case-override = عبور ناظر از حد بار پرونده‌ها
case-error-closed = پرونده بسته است. اول آن را دوباره باز کنید.
case-error-already-open = پرونده از قبل باز است.
case-error-last-phase = این آخرین مرحلهٔ برنامه است: به جای آن پرونده را ببندید.
case-error-first-phase = این اولین مرحلهٔ برنامه است.
case-error-phase-not-in-program = مرحلهٔ پرونده مربوط به برنامهٔ آن نیست.
case-error-conflict = شخص دیگری همین لحظه این پرونده را تغییر داد. صفحه حالا وضعیت فعلی را نشان می‌دهد؛ دوباره کوشش کنید.
case-error-unknown-manager = این شخص کارمند فعال مؤسسهٔ شما نیست.
caseload-error-full = این مسئول پرونده به حد بار پرونده‌های خود رسیده است. ناظر می‌تواند با عبور از حد، که ثبت می‌شود، بیشتر از حد تعیین کند.
notes-title = یادداشت‌های پرونده
note-date = تاریخ تماس
note-body = یادداشت
note-add = افزودن یادداشت
history-title = تاریخچه
event-open = باز شد
event-advance = به پیش رفت
event-step-back = به عقب برگشت
event-close = بسته شد
event-reopen = دوباره باز شد
event-assign = تعیین شد
event-caseload-override = از حد بار پرونده‌ها عبور شد
phase-enrollment = ثبت نام
phase-engagement = ایجاد رابطه
phase-network-formation = ساختن شبکهٔ مراقبت
phase-assessment-planning = ارزیابی و پلان‌گذاری
phase-linkage-accompaniment = وصل کردن به خدمات و همراهی
phase-monitoring = نظارت
phase-stabilization-closure = ثبات و بستن پرونده
closure-goals-met = هدف‌ها برآورده شد
closure-moved-away = به جای دیگر رفت
closure-lost-contact = تماس قطع شد
closure-declined = خدمات را نپذیرفت
closure-other = دیگر
caseloads-title = بار پرونده‌ها
caseloads-open = پرونده‌های باز
caseloads-limit = حد بار پرونده‌ها
caseloads-use = استفاده
caseloads-full = به حد رسیده

# نقش‌ها، برنامه‌ها، مؤسسات
role-administrator = مدیر سیستم
role-supervisor = ناظر
role-case-manager = مسئول پرونده
role-intake-worker = کارمند پذیرش
role-volunteer = رضاکار
role-attorney = وکیل
role-evaluator = ارزیاب
program-kind = نوع برنامه
program-goal = هدف ثبت نام
program-kind-destination = مدیریت پرونده در محل رسیدن
program-kind-community-network = شبکهٔ مراقبت اجتماعی
program-kind-trafficking-survivor = خدمات برای بازماندگان قاچاق انسان
program-kind-detention-alternative = برنامهٔ آزمایشی بدیل‌های توقیف
org-kind-lead = مؤسسهٔ رهبری‌کننده
org-kind-partner = مؤسسهٔ همکار

# حساب
account-title = حساب من
account-password = رمز عبور
account-current-password = رمز عبور فعلی
account-new-password = رمز عبور جدید
account-password-hint = حد اقل 10 حرف. یک جملهٔ کوتاه به آسانی به یاد می‌ماند.
account-change-password = تغییر رمز عبور
account-password-changed = رمز عبور تغییر کرد. از جلسه‌های دیگر شما خارج شدید.
account-tokens = توکن‌های API
account-tokens-explain = توکن‌های شخصی به اسکریپت‌ها اجازه می‌دهند با صلاحیت‌های شما از JSON API (/api/v1) استفاده کنند. توکن را این طور بفرستید: "Authorization: Bearer TOKEN".
account-token-name = نام توکن
account-token-create = ساختن توکن
account-token-once = این توکن را همین حالا کاپی کنید؛ دوباره نشان داده نمی‌شود:

# اداره
admin-title = اداره
admin-users = حساب‌های کارمندان
admin-add-user = افزودن حساب کارمند
admin-user-created = حساب ساخته شد.
admin-programs = برنامه‌ها
admin-add-program = افزودن برنامه
admin-sites = محل‌ها
admin-add-site = افزودن محل
admin-organizations = مؤسسات عضو ائتلاف
admin-add-organization = افزودن مؤسسهٔ همکار
admin-error-self = شما نمی‌توانید نقش مدیر سیستم را از خود بگیرید یا حساب خود را غیرفعال کنید.
admin-error-not-lead = تنها مدیران سیستم مؤسسهٔ رهبری‌کننده مؤسسات همکار را اضافه می‌کنند.
user-active = فعال
user-inactive = غیرفعال
user-locked = قفل
user-unlock = باز کردن قفل (ورودهای ناکام را پاک می‌کند)
audit-title = دفتر تفتیش
audit-recent = تازه‌ترین ثبت‌ها در زنجیرهٔ مؤسسهٔ شما
audit-verified = { $n ->
    [one] زنجیرهٔ تفتیش تأیید شد: یک ثبت، بدون تغییر.
   *[other] زنجیرهٔ تفتیش تأیید شد: { $n } ثبت، بدون تغییر.
}
audit-broken = { $n ->
    [one] دستکاری پیدا شد: یک ثبت تأیید نمی‌شود.
   *[other] دستکاری پیدا شد: { $n } ثبت تأیید نمی‌شوند.
}
audit-when = زمان
audit-who = کاربر
audit-action = اقدام
audit-record = ریکارد
audit-hash = هش (Hash)

# وارد کردن و خروجی
import-title = وارد کردن مراجعین
import-explain = یک فایل CSV با یک شخص در هر سطر بار کنید. سطرهایی که household_ref یکسان دارند یک خانواده می‌شوند. تا وقتی همهٔ سطرها درست نباشند، هیچ چیز ذخیره نمی‌شود.
import-file = فایل CSV
import-upload = بار کردن و جور کردن ستون‌ها
import-map-explain = هر ستون Sendero را با یک ستون فایل خود جور کنید. ستون‌های هم‌نام از قبل جور شده‌اند.
import-mapping = جور کردن ستون‌ها
import-sendero-column = ستون Sendero
import-file-column = ستون در فایل شما
import-skip = (در فایل من نیست)
import-commit = بررسی همهٔ سطرها و وارد کردن
import-errors = مشکلات پیدا شده (هیچ چیز وارد نشد)
import-line = سطر
import-field = خانه
import-problem = مشکل
import-failed = فایل خوانده نشد.
import-rejected = { $n ->
    [one] یک مشکل پیدا شد. هیچ چیز وارد نشد؛ آن را اصلاح کنید و دوباره بار کنید.
   *[other] { $n } مشکل پیدا شد. هیچ چیز وارد نشد؛ آن‌ها را اصلاح کنید و دوباره بار کنید.
}
import-done = { $n ->
    [one] یک مراجع وارد شد.
   *[other] { $n } مراجع وارد شدند.
}
import-another = وارد کردن فایل دیگر
export-clients = خروجی همهٔ مراجعین به شکل CSV (با همین ستون‌ها)
import-error-not-csv = این فایل یک فایل CSV خوانا نیست.
import-error-missing-column = فایل هیچ ستونی برای نام ندارد.
import-error-malformed-row = تعداد ستون‌های این سطر با سطر عنوان فرق دارد.
import-error-too-many-rows = سطرها در یک فایل بسیار زیاد است.

# خطاها
error-not-found = پیدا نشد.
error-forbidden = نقش شما اجازهٔ این کار را نمی‌دهد.
error-unauthorized = لطفاً وارد شوید.
error-csrf = این فورم منقضی شده یا از Sendero نیامده است. صفحه را دوباره بار کنید و دوباره کوشش کنید.
error-conflict = شخص دیگری این ریکارد را پیش از شما ذخیره کرد. آن را دوباره بار کنید و دوباره کوشش کنید.
error-unexpected = از طرف ما مشکلی پیش آمد. این مشکل ثبت شد.
error-invalid = این مقدار درست نیست.
error-invalid-json = محتوای درخواست JSON درست با شکل مورد انتظار نیست.
error-required = ضروری است.
error-too-long = بسیار طولانی است.
error-control-chars = حروفی دارد که ذخیره نمی‌شوند.
error-date-format = از YYYY-MM-DD، YYYY-MM یا YYYY استفاده کنید.
error-date-invalid = این تاریخ وجود ندارد.
error-date-range = تاریخ باید بین 1900 و امروز باشد.
error-date-format-day = از شکل YYYY-MM-DD استفاده کنید.
error-note-date-range = تاریخ باید بین 2000-01-01 و امروز باشد.
error-a-number = نمبر A (A-number) هشت یا نه رقم دارد.
error-phone = نمبر تلفون 7 تا 15 رقم دارد، و می‌تواند + ( ) - و فاصله هم داشته باشد.
error-email = این آدرس ایمیل نیست.
error-email-taken = حسابی با این ایمیل از قبل وجود دارد.
error-password-short = رمز عبور باید حد اقل 10 حرف داشته باشد.
error-password-wrong = رمز عبور فعلی درست نیست.
error-number = یک عدد کامل در محدودهٔ مجاز وارد کنید.
error-relationship = رابطه را از فهرست انتخاب کنید.

# ارزیابی‌ها
nav-reports = گزارش‌ها
assessments-title = ارزیابی‌ها
assessments-none = هنوز هیچ ارزیابی نیست.
assessment-date = تاریخ ارزیابی
assessment-instrument = ابزار ارزیابی
assessment-timing = زمان
assessment-score = نمره
assessment-flagged = هشدار داده شد
assessment-complete = تکمیل
assessment-draft = پیش‌نویس (ناتمام)
assessment-start = شروع ارزیابی
assessment-back-to-case = برگشت به پرونده
assessment-respondent = چه کسی جواب می‌دهد
assessment-language = زبان سوال‌ها
assessment-partial-hint = می‌توانید جواب‌های ناتمام را ذخیره کنید و بعداً تمام کنید. برای تکمیل، باید به هر سوالی که نشان * دارد جواب داده شود.
assessment-save-draft = ذخیرهٔ جواب‌های ناتمام
assessment-complete-action = تکمیل ارزیابی
assessment-question = سوال
assessment-answer = جواب
assessments-chart-title = نمره‌ها در طول زمان
assessments-chart-x = ارزیابی
assessments-chart-y = نمره
timing-intake = هنگام پذیرش
timing-periodic = دوره‌ای
timing-closure = هنگام بستن
assessment-error-unknown-item = یک جواب به سوالی اشاره می‌کند که در این ابزار ارزیابی نیست.
assessment-error-off-scale = یک جواب از گزینه‌های سوال نیست.
assessment-error-incomplete = به بعضی سوال‌های ضروری جواب داده نشده است. جواب‌های ناتمام را ذخیره کنید، یا به هر سوالی که نشان * دارد جواب دهید.
assessment-error-respondent = جواب‌دهنده باید خود مراجع یا یکی از اعضای خانوادهٔ او باشد.
assessment-error-complete = ارزیابی تکمیل‌شده تغییر داده نمی‌شود؛ یک ارزیابی جدید انجام دهید.

# گزارش‌های نتایج
outcomes-title = گزارش نتایج
outcomes-from = خط مبنا از
outcomes-to = خط مبنا تا
outcomes-show = نشان دادن گزارش
outcomes-choose = یک برنامه انتخاب کنید تا نتایج آن را ببینید.
outcomes-design-caveat = این یک مقایسهٔ پیش/پس بدون گروه مقایسه است: نشان می‌دهد نمره‌های خانواده‌ها چطور تغییر کرد، نه این که چه مقدار از آن تغییر از برنامه بود. خانواده‌هایی که پیش از ارزیابی بستن رفتند، در پایین شمرده شده‌اند، پنهان نشده‌اند.
outcomes-participation = اشتراک و ترک برنامه
outcomes-baseline = خانواده‌هایی که ارزیابی خط مبنا (هنگام پذیرش) دارند
outcomes-closure = خانواده‌هایی که ارزیابی هنگام بستن دارند
outcomes-completion = نرخ تکمیل (فاصلهٔ اطمینان 95%)
outcomes-lost-contact = ناتمام‌کنندگانی که پرونده‌شان به دلیل قطع تماس بسته شد
outcomes-months = ماه‌های خدمت، تکمیل‌کنندگان (کمترین / میانه / اوسط / بیشترین)
outcomes-version-changes = جفت‌هایی که با نسخه‌های مختلف ابزار انجام شده‌اند (بر اساس سوال جفت شده)
outcomes-closure-without-baseline = ارزیابی‌های بستن بدون خط مبنا (کنار گذاشته شده)
outcomes-attrition-bias = آیا کسانی که ماندند در خط مبنا فرق داشتند؟
outcomes-attrition-explain = مجموع نمره‌های خط مبنای خانواده‌هایی که ارزیابی بستن را تکمیل کردند، در برابر کسانی که تکمیل نکردند. فرق بزرگ یعنی تغییر پایین شاید برای همهٔ کسانی که شروع کردند درست نباشد.
outcomes-completers = تکمیل‌کنندگان
outcomes-non-completers = ناتمام‌کنندگان
outcomes-mean = اوسط
outcomes-baseline-difference = فرق (Welch t)
outcomes-smd = فرق معیاری (Cohen's d)
outcomes-change = تغییر از پذیرش تا بستن
outcomes-chart-title = { $instrument }: اوسط نمره هنگام پذیرش و هنگام بستن
outcomes-chart-x = مجموع و ساحه‌ها
outcomes-chart-y = اوسط نمره
outcomes-table-caption = تغییر جفت‌شده برای هر مجموع، ساحه و سوال (خانواده‌هایی که هر دو ارزیابی را دارند)
outcomes-variable = متغیر
outcomes-pre = اوسط هنگام پذیرش
outcomes-post = اوسط هنگام بستن
outcomes-mean-change = اوسط تغییر
outcomes-methods = روش‌ها: آزمون t جفت‌شده و آزمون رتبه‌ای علامت‌دار Wilcoxon (دقیق برای نمونه‌های کوچک بدون مقدارهای برابر، در غیر آن تقریب نورمال با اصلاح مقدارهای برابر؛ فرق‌های صفر کنار گذاشته می‌شوند)، دوطرفه؛ اندازه‌های اثر Cohen's d_z و rank-biserial r برای جفت‌های همسان؛ مقدارهای p در همهٔ سطرها با روش Holm تعدیل شده‌اند. جواب‌های ناموجود آن جفت را فقط از همان سطر بیرون می‌کنند.
outcomes-csv = دانلود این جدول به شکل CSV

# ابزارهای ارزیابی
instruments-title = ابزارهای ارزیابی
instrument-key = کلید
instrument-version = نسخه
instrument-items = سوال‌ها
instrument-builtin = داخلی
instrument-new-version = ویرایش به حیث نسخهٔ جدید
instrument-download = دانلود
instrument-editor = ویرایشگر ابزار ارزیابی
instrument-editor-explain = یک تعریف را به شکل sendero-instrument/1 بچسپانید یا ویرایش کنید. ذخیره کردن نسخهٔ جدید می‌سازد؛ نتایج ثبت‌شده نسخه‌ای را که با آن انجام شده‌اند نگه می‌دارند.
instrument-definition = تعریف (JSON)
instrument-save = بررسی و ذخیره به حیث نسخهٔ جدید
instrument-saved = { $key } نسخهٔ { $version } ذخیره شد.
instrument-error-json = تعریف JSON درست به شکل ابزار ارزیابی نیست:
instrument-error-too-large = تعریف بسیار بزرگ است.
instrument-error-format = شکل ناشناخته؛ sendero-instrument/1 انتظار می‌رفت:
instrument-error-key = کلید فقط می‌تواند حرف، رقم، - و _ داشته باشد:
instrument-error-version = نسخه باید 1 یا بیشتر باشد:
instrument-error-items = یک ابزار ارزیابی بین 1 و 500 سوال لازم دارد؛ تعداد سوال‌های آن
instrument-error-scale = یک مقیاس هیچ مقدار ندارد:
instrument-error-scale-labels = مقیاس برای هر مقدار در هر زبان یک نام لازم دارد:
instrument-error-item-key = هر سوال یک کلید یگانه از حرف، رقم، - و _ لازم دارد:
instrument-error-item-scale = یک سوال از مقیاسی استفاده می‌کند که تعریف نشده است:
instrument-error-item-domain = یک سوال مربوط به ساحه‌ای است که تعریف نشده است:
instrument-error-flag-item = قاعدهٔ هشدار از سوالی نام می‌برد که وجود ندارد:
instrument-error-version-exists = این نسخه از قبل وجود دارد: به تعریف جدید نمبر نسخهٔ بالاتر بدهید.

# ریکاردهای تکراری
merge-error-same = یک ریکارد با خودش یکجا نمی‌شود.
merge-error-already-merged = یکی از این ریکاردها از قبل یکجا شده است.
merge-error-undone = این یکجا کردن از قبل لغو شده است.
nav-dedup = تکراری‌ها
client-merged-into = این ریکارد با ریکارد دیگری یکجا شده است. ریکارد فعلی را باز کنید.
candidates-title = آیا این شخص از قبل ثبت شده است؟
candidates-explain = این ریکاردهای موجود به شخصی که ثبت می‌کنید شباهت دارند. اگر همان شخص است، یکی را باز کنید؛ در غیر آن شخص جدید را ثبت کنید.
candidates-score = نمرهٔ شباهت
candidates-open = باز کردن این ریکارد
candidates-new-person = شخص دیگری است: ثبت شخص جدید
error-possible-duplicate = احتمالاً تکراری.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = نام
match-field-family-name = تخلص
match-field-birth-date = تاریخ تولد
match-field-phone = تلفون
match-field-country = کشور
match-field-household = اعضای خانواده
match-field-other-id = نمبر سند
match-field-address = آدرس
match-level-exact = یکسان
match-level-transposed = یکسان، با جابجایی (نام‌ها جابجا شده، یا روز و ماه جابجا شده)
match-level-token-overlap = همهٔ کلمه‌های نام کوتاه‌تر را دارد
match-level-similar = املای تقریباً یکسان
match-level-phonetic = تلفظ یکسان
match-level-within-one-year = روز و ماه یکسان، یک سال فرق
match-level-year-only = سال تولد یکسان
match-level-last-digits = 7 رقم آخر یکسان است
match-level-disagree = متفاوت
match-level-missing = در یکی از ریکاردها معلوم نیست
dedup-title = ریکاردهای احتمالاً تکراری
dedup-explain = جفت‌هایی از ریکاردها در مؤسسهٔ شما که شاید مربوط به یک شخص باشند، محتمل‌ترین اول. هر جفت را بررسی کنید: آن را یکجا کنید (قابل برگشت است)، یا نشان دهید که دو شخص متفاوت‌اند تا این جفت دوباره پیشنهاد نشود.
dedup-threshold = کمترین نمرهٔ شباهت
dedup-scan = دوباره جستجو
dedup-found = { $n ->
    [one] یک جفت پیدا شد.
   *[other] { $n } جفت پیدا شد (50 جفت اول نشان داده می‌شوند).
}
dedup-side-by-side = دو ریکارد در کنار هم
dedup-keep = کدام ریکارد نگه داشته شود (پرونده‌ها، یادداشت‌ها، ارزیابی‌ها و تماس‌های دیگری به آن منتقل می‌شوند)
dedup-reason = دلیل
dedup-merge = یکجا کردن
dedup-distinct = اشخاص متفاوت
merge-error-reason = دلیل یکجا کردن را بنویسید.
merges-title = یکجا کردن‌ها
merges-none = هنوز هیچ یکجا کردنی نیست.
merges-kept = نگه داشته شده
merges-merged = یکجا شده
merges-undone = لغو شد
merges-undo = لغو
pager-status-many = صفحهٔ { $page } (مجموعاً بیشتر از 10,000)
clients-count-many = بیشتر از 10,000 مراجع
cases-count-many = بیشتر از 10,000 پرونده
