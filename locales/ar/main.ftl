# Sendero — Arabic (ar)
skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = الرئيسية
nav-dashboard = لوحة المتابعة
nav-clients = المستفيدون
nav-cases = الحالات
nav-caseloads = أعباء الحالات
nav-import = استيراد
nav-admin = الإدارة
nav-account = حسابي
sign-out = تسجيل الخروج
language = اللغة
change-language = تغيير اللغة
footer-firewall = يخدم Sendero الأشخاص الذين يرافقهم. لا يوجد دور أو تقرير أو تصدير أو واجهة برمجية تعطي بيانات تعرّف بالمستفيدين لسلطات إنفاذ قوانين الهجرة.
back-home = العودة إلى لوحة المتابعة
error-status = الوضع
actions = الإجراءات
save = حفظ
edit = تعديل
search = بحث
filter = تصفية
all = الكل
name = الاسم
city = المدينة
role = الدور
status = الوضع
status-open = مفتوحة
status-closed = مغلقة
updated = آخر تحديث
client = المستفيد
program = البرنامج
site = الموقع
phase = المرحلة
relationship = صلة القرابة برب الأسرة
sort-by = الترتيب حسب
sort-name = الاسم
sort-newest = الأحدث
sort-updated = المحدّثة مؤخرًا
sort-opened = المفتوحة مؤخرًا
sort-client = اسم المستفيد
pager-label = الصفحات
pager-status = الصفحة { $page } من { $pages } (المجموع { $total })
pager-previous = الصفحة السابقة
pager-next = الصفحة التالية

# تسجيل الدخول
login-title = تسجيل الدخول
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-invalid = البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب نشط.
login-locked = محاولات فاشلة كثيرة. الحساب مقفل لمدة 15 دقيقة؛ يمكن للمسؤول فتحه قبل ذلك.
demo-accounts = حسابات تجريبية (حساب لكل دور)
demo-password = كل الحسابات التجريبية تستخدم كلمة المرور

# لوحة المتابعة
dashboard-title = لوحة المتابعة
dashboard-my-open = حالاتي المفتوحة
dashboard-org-open = الحالات المفتوحة في منظمتي
dashboard-org-clients = المستفيدون في منظمتي
dashboard-my-cases = حالاتي التي حُدّثت مؤخرًا
dashboard-no-cases = ليست لديك حالات مفتوحة.
dashboard-all-my-cases = كل حالاتي
dashboard-restricted = دورك لا يشمل سجل المستفيدين. تظهر هنا ميزات شبكة الرعاية وسجل الأوصياء والتقييم عندما تصبح متاحة لدورك.

# المستفيدون
clients-title = المستفيدون
clients-new = تسجيل مستفيد
clients-search = البحث بالاسم (بأي تهجئة أو أي أبجدية)
clients-none = لا يوجد مستفيد مطابق.
clients-count = { $n ->
    [zero] لا يوجد مستفيدون
    [one] مستفيد واحد
    [two] مستفيدان
    [few] { $n } مستفيدين
    [many] { $n } مستفيدًا
   *[other] { $n } مستفيد
}
client-name = الاسم
client-new-title = تسجيل مستفيد
client-edit-title = تعديل بيانات المستفيد
client-identity = الهوية
client-contact = بيانات الاتصال الأولى
client-given-names = الاسم الأول
client-family-names = اسم العائلة
client-family-names-hint = اكتب اسمي العائلة إذا كان الشخص يستخدم اسمين.
client-aliases = أسماء وتهجئات أخرى
client-aliases-hint = التهجئات الموجودة في الوثائق، الألقاب، الأسماء بأبجديات أخرى.
client-birth-date = تاريخ الميلاد
client-birth-date-hint = YYYY-MM-DD، أو YYYY-MM، أو YYYY فقط إذا كانت السنة وحدها معروفة.
client-country = بلد المنشأ
client-languages = اللغات
client-languages-hint = افصل بينها بفواصل، واللغة المفضلة أولًا.
client-a-number = رقم الأجنبي (A-number)
client-a-number-hint = 8 أو 9 أرقام. يُحفظ مشفّرًا.
form-has-errors = بعض الحقول تحتاج إلى انتباه. كل مشكلة موصوفة بجانب حقلها.
conflict-explain = شخص آخر حفظ هذا السجل أثناء تعديلك له. لم يُحفظ شيء من تعديلاتك بعد. القيم التي حفظها تظهر أدناه، وما كتبته باقٍ في النموذج. احفظ مرة أخرى للإبقاء على نسختك.
conflict-reload = تجاهل تعديلاتي وحمّل السجل الحالي
contacts-title = بيانات الاتصال
contact-kind = النوع
contact-value = القيمة
contact-since = منذ
contact-until = حتى
contact-current = حالي
contact-phone = الهاتف
contact-email = البريد الإلكتروني
contact-address = العنوان
contact-end = إنهاء
contact-add = إضافة وسيلة اتصال
contact-replaces = يحل محل الحالي من هذا النوع (ويبقى القديم في السجل)
household-title = الأسرة
household-none = ليس ضمن أسرة بعد.
household-create = إنشاء أسرة يكون هذا الشخص ربّها
household-default-name = عائلة { $name }
household-members = { $n ->
    [zero] لا أفراد
    [one] فرد واحد
    [two] فردان
    [few] { $n } أفراد
    [many] { $n } فردًا
   *[other] { $n } فرد
}
household-add-member = إضافة فرد إلى الأسرة
relationship-head = رب الأسرة
relationship-spouse = الزوج أو الزوجة أو الشريك
relationship-child = ابن أو ابنة
relationship-parent = أب أو أم
relationship-sibling = أخ أو أخت
relationship-other-relative = قريب آخر
relationship-non-relative = ليس قريبًا

# الحالات
cases-title = الحالات
cases-none = لا توجد حالات.
cases-mine = حالاتي فقط
cases-count = { $n ->
    [zero] لا توجد حالات
    [one] حالة واحدة
    [two] حالتان
    [few] { $n } حالات
    [many] { $n } حالة
   *[other] { $n } حالة
}
case-heading = { $client } — { $program }
case-client-profile = ملف المستفيد
case-manager = مدير الحالة
case-opened = تاريخ الفتح
case-open = فتح حالة
case-advance = الانتقال إلى المرحلة التالية
case-step-back = العودة إلى المرحلة السابقة
case-close = إغلاق الحالة
case-close-reason = السبب
case-close-detail = تفاصيل (اختياري)
case-reopen = إعادة فتح الحالة
case-assign = تعيين مدير حالة
case-override = تجاوز المشرف لحد عبء الحالات
case-error-closed = الحالة مغلقة. أعد فتحها أولًا.
case-error-already-open = الحالة مفتوحة بالفعل.
case-error-last-phase = هذه آخر مرحلة في البرنامج: أغلق الحالة بدلًا من ذلك.
case-error-first-phase = هذه أول مرحلة في البرنامج.
case-error-phase-not-in-program = مرحلة الحالة لا تنتمي إلى برنامجها.
case-error-conflict = شخص آخر غيّر هذه الحالة قبل لحظات. تعرض الصفحة الآن الوضع الحالي؛ حاول مرة أخرى.
case-error-unknown-manager = هذا الشخص ليس موظفًا نشطًا في منظمتك.
caseload-error-full = مدير الحالة هذا وصل إلى حد عبء حالاته. يمكن للمشرف التعيين فوق الحد بتجاوز يُسجَّل.
notes-title = ملاحظات الحالة
note-date = تاريخ التواصل
note-body = الملاحظة
note-add = إضافة ملاحظة
history-title = السجل
event-open = فُتحت
event-advance = انتقلت إلى الأمام
event-step-back = عادت إلى الخلف
event-close = أُغلقت
event-reopen = أُعيد فتحها
event-assign = عُيّنت
event-caseload-override = تم تجاوز حد عبء الحالات
phase-enrollment = التسجيل
phase-engagement = بناء العلاقة
phase-network-formation = تكوين شبكة الرعاية
phase-assessment-planning = التقييم والتخطيط
phase-linkage-accompaniment = الربط بالخدمات والمرافقة
phase-monitoring = المتابعة
phase-stabilization-closure = الاستقرار والإغلاق
closure-goals-met = تحققت الأهداف
closure-moved-away = انتقل إلى مكان آخر
closure-lost-contact = انقطع التواصل
closure-declined = رفض الخدمات
closure-other = أخرى
caseloads-title = أعباء الحالات
caseloads-open = الحالات المفتوحة
caseloads-limit = حد عبء الحالات
caseloads-use = نسبة الاستخدام
caseloads-full = وصل إلى الحد

# الأدوار والبرامج والمنظمات
role-administrator = مسؤول النظام
role-supervisor = مشرف
role-case-manager = مدير حالة
role-intake-worker = موظف استقبال
role-volunteer = متطوع
role-attorney = محامٍ
role-evaluator = مقيّم
program-kind = نوع البرنامج
program-goal = هدف التسجيل
program-kind-destination = إدارة الحالات في مكان الوصول
program-kind-community-network = شبكة رعاية مجتمعية
program-kind-trafficking-survivor = خدمات الناجين من الاتجار بالبشر
program-kind-detention-alternative = مشروع تجريبي لبدائل الاحتجاز
org-kind-lead = الجهة الرائدة
org-kind-partner = منظمة شريكة

# الحساب
account-title = حسابي
account-password = كلمة المرور
account-current-password = كلمة المرور الحالية
account-new-password = كلمة المرور الجديدة
account-password-hint = 10 أحرف على الأقل. الجملة القصيرة سهلة التذكر.
account-change-password = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور. تم تسجيل خروج جلساتك الأخرى.
account-tokens = رموز الواجهة البرمجية (API)
account-tokens-explain = تسمح الرموز الشخصية للبرامج النصية باستخدام واجهة JSON البرمجية (/api/v1) بصلاحياتك. أرسل الرمز هكذا: "Authorization: Bearer TOKEN".
account-token-name = اسم الرمز
account-token-create = إنشاء رمز
account-token-once = انسخ هذا الرمز الآن؛ لن يظهر مرة أخرى:

# الإدارة
admin-title = الإدارة
admin-users = حسابات الموظفين
admin-add-user = إضافة حساب موظف
admin-user-created = تم إنشاء الحساب.
admin-programs = البرامج
admin-add-program = إضافة برنامج
admin-sites = المواقع
admin-add-site = إضافة موقع
admin-organizations = المنظمات في الاتحاد
admin-add-organization = إضافة منظمة شريكة
admin-error-self = لا يمكنك إزالة دور المسؤول عن نفسك أو تعطيل حسابك.
admin-error-not-lead = مسؤولو الجهة الرائدة وحدهم يضيفون المنظمات الشريكة.
user-active = نشط
user-inactive = غير نشط
user-locked = مقفل
user-unlock = فتح القفل (يمسح محاولات الدخول الفاشلة)
audit-title = سجل التدقيق
audit-recent = أحدث القيود في سلسلة منظمتك
audit-verified = { $n ->
    [one] تم التحقق من سلسلة التدقيق: قيد واحد، لم يُعدَّل.
    [two] تم التحقق من سلسلة التدقيق: قيدان، لم يُعدَّلا.
   *[other] تم التحقق من سلسلة التدقيق: { $n } من القيود، لم يُعدَّل أي منها.
}
audit-broken = { $n ->
    [one] اكتُشف تلاعب: قيد واحد لا يجتاز التحقق.
    [two] اكتُشف تلاعب: قيدان لا يجتازان التحقق.
   *[other] اكتُشف تلاعب: { $n } من القيود لا تجتاز التحقق.
}
audit-when = الوقت
audit-who = المستخدم
audit-action = الإجراء
audit-record = السجل
audit-hash = البصمة (Hash)

# الاستيراد والتصدير
import-title = استيراد المستفيدين
import-explain = ارفع ملف CSV فيه شخص واحد في كل سطر. الأسطر التي تشترك في household_ref تصبح أسرة واحدة. لا يُحفظ أي شيء إلا إذا كانت كل الأسطر صحيحة.
import-file = ملف CSV
import-upload = الرفع وربط الأعمدة
import-map-explain = اربط كل عمود من أعمدة Sendero بعمود من ملفك. الأعمدة التي لها الاسم نفسه مربوطة مسبقًا.
import-mapping = ربط الأعمدة
import-sendero-column = عمود Sendero
import-file-column = العمود في ملفك
import-skip = (غير موجود في ملفي)
import-commit = فحص كل الأسطر والاستيراد
import-errors = المشكلات التي وُجدت (لم يُستورد شيء)
import-line = السطر
import-field = الحقل
import-problem = المشكلة
import-failed = تعذّرت قراءة الملف.
import-rejected = { $n ->
    [one] وُجدت مشكلة واحدة. لم يُستورد شيء؛ صحّحها وارفع الملف مرة أخرى.
    [two] وُجدت مشكلتان. لم يُستورد شيء؛ صحّحهما وارفع الملف مرة أخرى.
   *[other] وُجدت مشكلات عددها { $n }. لم يُستورد شيء؛ صحّحها وارفع الملف مرة أخرى.
}
import-done = { $n ->
    [one] تم استيراد مستفيد واحد.
    [two] تم استيراد مستفيدَين.
   *[other] عدد المستفيدين المستوردين: { $n }.
}
import-another = استيراد ملف آخر
export-clients = تصدير كل المستفيدين بصيغة CSV (بالأعمدة نفسها)
import-error-not-csv = الملف ليس ملف CSV قابلًا للقراءة.
import-error-missing-column = لا يوجد في الملف عمود للاسم الأول.
import-error-malformed-row = عدد أعمدة هذا السطر يختلف عن سطر العناوين.
import-error-too-many-rows = عدد الأسطر كبير جدًا في ملف واحد.

# الأخطاء
error-not-found = غير موجود.
error-forbidden = دورك لا يسمح بهذا.
error-unauthorized = يرجى تسجيل الدخول.
error-csrf = انتهت صلاحية هذا النموذج أو لم يأتِ من Sendero. أعد تحميل الصفحة وحاول مرة أخرى.
error-conflict = شخص آخر حفظ هذا السجل قبلك. أعد تحميله وحاول مرة أخرى.
error-unexpected = حدث خطأ من جهتنا. تم تسجيله.
error-invalid = هذه القيمة غير صحيحة.
error-invalid-json = محتوى الطلب ليس JSON صحيحًا بالشكل المتوقع.
error-required = مطلوب.
error-too-long = طويل جدًا.
error-control-chars = يحتوي على رموز لا يمكن حفظها.
error-date-format = استخدم YYYY-MM-DD أو YYYY-MM أو YYYY.
error-date-invalid = هذا التاريخ غير موجود.
error-date-range = يجب أن يكون التاريخ بين 1900 واليوم.
error-date-format-day = استخدم الصيغة YYYY-MM-DD.
error-note-date-range = يجب أن يكون التاريخ بين 2000-01-01 واليوم.
error-a-number = رقم الأجنبي (A-number) يتكون من 8 أو 9 أرقام.
error-phone = رقم الهاتف يتكون من 7 إلى 15 رقمًا، ويمكن أن يحتوي على + ( ) - ومسافات.
error-email = هذا ليس عنوان بريد إلكتروني.
error-email-taken = يوجد حساب بهذا البريد الإلكتروني بالفعل.
error-password-short = يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.
error-password-wrong = كلمة المرور الحالية غير صحيحة.
error-number = أدخل عددًا صحيحًا ضمن النطاق المسموح.
error-relationship = اختر صلة القرابة من القائمة.

# التقييمات
nav-reports = التقارير
assessments-title = التقييمات
assessments-none = لا توجد تقييمات بعد.
assessment-date = تاريخ التقييم
assessment-instrument = أداة التقييم
assessment-timing = التوقيت
assessment-score = الدرجة
assessment-flagged = صدر تنبيه
assessment-complete = مكتمل
assessment-draft = مسودة (جزئي)
assessment-start = بدء تقييم
assessment-back-to-case = العودة إلى الحالة
assessment-respondent = من يجيب
assessment-language = لغة الأسئلة
assessment-partial-hint = يمكنك حفظ إجابات جزئية وإكمالها لاحقًا. الإكمال يتطلب الإجابة عن كل سؤال عليه علامة *.
assessment-save-draft = حفظ الإجابات الجزئية
assessment-complete-action = إكمال التقييم
assessment-question = السؤال
assessment-answer = الإجابة
assessments-chart-title = الدرجات عبر الزمن
assessments-chart-x = التقييم
assessments-chart-y = الدرجة
timing-intake = عند الاستقبال
timing-periodic = دوري
timing-closure = عند الإغلاق
assessment-error-unknown-item = إحدى الإجابات تشير إلى سؤال غير موجود في أداة التقييم هذه.
assessment-error-off-scale = إحدى الإجابات ليست من خيارات السؤال.
assessment-error-incomplete = بعض الأسئلة المطلوبة بلا إجابة. احفظ الإجابات الجزئية، أو أجب عن كل سؤال عليه علامة *.
assessment-error-respondent = يجب أن يكون المجيب هو المستفيد أو أحد أفراد أسرته.
assessment-error-complete = لا يمكن تغيير تقييم مكتمل؛ أجرِ تقييمًا جديدًا.

# تقارير النتائج
outcomes-title = تقرير النتائج
outcomes-from = خط الأساس من
outcomes-to = خط الأساس حتى
outcomes-show = عرض التقرير
outcomes-choose = اختر برنامجًا لعرض نتائجه.
outcomes-design-caveat = هذه مقارنة قبل/بعد دون مجموعة مقارنة: تُظهر كيف تغيّرت درجات الأسر، لا مقدار التغيير الذي سببه البرنامج. الأسر التي غادرت قبل تقييم الإغلاق معدودة أدناه، وليست مخفية.
outcomes-participation = المشاركة والانسحاب
outcomes-baseline = الأسر التي لديها تقييم خط الأساس (عند الاستقبال)
outcomes-closure = الأسر التي لديها تقييم عند الإغلاق
outcomes-completion = نسبة الإكمال (فاصل ثقة 95%)
outcomes-lost-contact = غير المكملين الذين أُغلقت حالتهم بسبب انقطاع التواصل
outcomes-months = أشهر الخدمة للمكملين (الأدنى / الوسيط / المتوسط / الأعلى)
outcomes-version-changes = أزواج أُجريت بإصدارات مختلفة من الأداة (مقترنة حسب السؤال)
outcomes-closure-without-baseline = تقييمات إغلاق دون خط أساس (مستبعدة)
outcomes-attrition-bias = هل اختلف من بقوا عند خط الأساس؟
outcomes-attrition-explain = مجموع درجات خط الأساس للأسر التي أكملت تقييم الإغلاق، مقارنة بالأسر التي لم تكمله. الفرق الكبير يعني أن التغيير أدناه قد لا ينطبق على كل من بدأ.
outcomes-completers = المكملون
outcomes-non-completers = غير المكملين
outcomes-mean = المتوسط
outcomes-baseline-difference = الفرق (اختبار Welch t)
outcomes-smd = الفرق المعياري (Cohen's d)
outcomes-change = التغيّر من الاستقبال إلى الإغلاق
outcomes-chart-title = { $instrument }: متوسط الدرجة عند الاستقبال وعند الإغلاق
outcomes-chart-x = المجموع والمجالات
outcomes-chart-y = متوسط الدرجة
outcomes-table-caption = التغيّر المقترن لكل مجموع ومجال وسؤال (الأسر التي لديها التقييمان)
outcomes-variable = المتغير
outcomes-pre = المتوسط عند الاستقبال
outcomes-post = المتوسط عند الإغلاق
outcomes-mean-change = متوسط التغيّر
outcomes-methods = الطرق: اختبار t للعينات المقترنة واختبار Wilcoxon للرتب ذات الإشارة (دقيق للعينات الصغيرة دون قيم متساوية، وإلا فالتقريب الطبيعي مع تصحيح القيم المتساوية؛ تُستبعد الفروق الصفرية)، ثنائي الطرف؛ أحجام الأثر Cohen's d_z ومعامل rank-biserial r للأزواج المتطابقة؛ قيم p معدّلة عبر كل الصفوف بطريقة Holm. الإجابات الناقصة تستبعد ذلك الزوج من ذلك الصف فقط.
outcomes-csv = تنزيل هذا الجدول بصيغة CSV

# أدوات التقييم
instruments-title = أدوات التقييم
instrument-key = المفتاح
instrument-version = الإصدار
instrument-items = الأسئلة
instrument-builtin = مدمجة
instrument-new-version = التعديل كإصدار جديد
instrument-download = تنزيل
instrument-editor = محرر أدوات التقييم
instrument-editor-explain = الصق تعريفًا أو عدّله بصيغة sendero-instrument/1. الحفظ ينشئ إصدارًا جديدًا؛ النتائج المسجلة سابقًا تحتفظ بالإصدار الذي أُجريت به.
instrument-definition = التعريف (JSON)
instrument-save = الفحص والحفظ كإصدار جديد
instrument-saved = تم حفظ { $key } الإصدار { $version }.
instrument-error-json = التعريف ليس JSON صحيحًا بصيغة أدوات التقييم:
instrument-error-too-large = التعريف كبير جدًا.
instrument-error-format = صيغة غير معروفة؛ المتوقع sendero-instrument/1:
instrument-error-key = المفتاح يمكن أن يحتوي فقط على حروف وأرقام و - و _:
instrument-error-version = يجب أن يكون الإصدار 1 أو أكثر:
instrument-error-items = تحتاج أداة التقييم إلى سؤال واحد على الأقل و500 سؤال على الأكثر؛ عدد أسئلتها
instrument-error-scale = مقياس بلا قيم:
instrument-error-scale-labels = يحتاج المقياس إلى تسمية لكل قيمة في كل لغة:
instrument-error-item-key = يحتاج كل سؤال إلى مفتاح فريد من حروف وأرقام و - و _:
instrument-error-item-scale = سؤال يستخدم مقياسًا غير معرّف:
instrument-error-item-domain = سؤال ينتمي إلى مجال غير معرّف:
instrument-error-flag-item = قاعدة التنبيه تذكر سؤالًا غير موجود:
instrument-error-version-exists = هذا الإصدار موجود بالفعل: أعطِ التعريف الجديد رقم إصدار أعلى.

# السجلات المكررة
merge-error-same = لا يمكن دمج سجل مع نفسه.
merge-error-already-merged = أحد هذين السجلين دُمج من قبل.
merge-error-undone = تم التراجع عن هذا الدمج من قبل.
nav-dedup = السجلات المكررة
client-merged-into = دُمج هذا السجل في سجل آخر. افتح السجل الحالي.
candidates-title = هل هذا شخص مسجل من قبل؟
candidates-explain = هذه السجلات الموجودة تشبه الشخص الذي تسجله. افتح أحدها إذا كان الشخص نفسه؛ وإلا فسجّل شخصًا جديدًا.
candidates-score = درجة التطابق
candidates-open = فتح هذا السجل
candidates-new-person = إنه شخص آخر: تسجيل شخص جديد
error-possible-duplicate = سجل مكرر محتمل.
match-line = { $field }: «{ $left }» ~ «{ $right }» — { $level }
match-field-given-name = الاسم الأول
match-field-family-name = اسم العائلة
match-field-birth-date = تاريخ الميلاد
match-field-phone = الهاتف
match-field-country = البلد
match-field-household = أفراد الأسرة
match-field-other-id = رقم الوثيقة
match-field-address = العنوان
match-level-exact = متطابق
match-level-transposed = متطابق مع تبديل (الأسماء مبدّلة، أو اليوم والشهر مبدّلان)
match-level-token-overlap = يحتوي على كل كلمات الاسم الأقصر
match-level-similar = التهجئة متقاربة جدًا
match-level-phonetic = النطق نفسه
match-level-within-one-year = اليوم والشهر نفسهما، بفارق سنة واحدة
match-level-year-only = سنة الميلاد نفسها
match-level-last-digits = آخر 7 أرقام متطابقة
match-level-disagree = مختلف
match-level-missing = غير معروف في أحد السجلين
dedup-title = سجلات مكررة محتملة
dedup-explain = أزواج من السجلات في منظمتك قد تكون للشخص نفسه، الأرجح أولًا. راجع كل زوج: ادمجه (يمكن التراجع)، أو حدّد أنهما شخصان مختلفان حتى لا يُقترح الزوج مرة أخرى.
dedup-threshold = الحد الأدنى لدرجة التطابق
dedup-scan = البحث مرة أخرى
dedup-found = { $n ->
    [zero] لم يُعثر على أي زوج.
    [one] عُثر على زوج واحد.
    [two] عُثر على زوجين.
   *[other] عدد الأزواج التي عُثر عليها: { $n } (تظهر أول 50).
}
dedup-side-by-side = السجلان جنبًا إلى جنب
dedup-keep = أي سجل يُحتفظ به (تنتقل إليه حالات السجل الآخر وملاحظاته وتقييماته وبيانات اتصاله)
dedup-reason = السبب
dedup-merge = دمج
dedup-distinct = شخصان مختلفان
merge-error-reason = اذكر سبب الدمج.
merges-title = عمليات الدمج
merges-none = لا توجد عمليات دمج بعد.
merges-kept = المحتفظ به
merges-merged = المدموج
merges-undone = تم التراجع
merges-undo = تراجع
pager-status-many = الصفحة { $page } (أكثر من 10,000 في المجموع)
clients-count-many = أكثر من 10,000 مستفيد
cases-count-many = أكثر من 10,000 حالة
