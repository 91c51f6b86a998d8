# Sendero — Arabic (ar)
nav-directory = الدليل
back-to-case = العودة إلى الحالة
# خطة الخدمات
plan-title = خطة الخدمات
plan-revision = المراجعة { $n }
plan-no-goals = لا توجد أهداف بعد. اكتبها مع المستفيد، بكلماته هو.
plan-history-title = تاريخ الخطة
plan-history-none = لم تُراجَع الخطة بعد.
plan-replaced-on = تاريخ الاستبدال
goal-add = إضافة هدف
goal-text = الهدف، بكلمات المستفيد
goal-text-hint = اكتب ما قاله المستفيد، كما قاله.
goal-area = المجال
goal-update = تحديث هذا الهدف
goal-progress = ملاحظة عن التقدم
goal-add-progress = إضافة تقدم
goal-close-as = حالة الإغلاق
goal-outcome = ماذا حدث
goal-close = إغلاق الهدف
goal-status-open = مفتوح
goal-status-met = تحقق
goal-status-partly-met = تحقق جزئيًا
goal-status-not-met = لم يتحقق
crisis-title = خطة الأزمات
crisis-none = لا توجد خطة أزمات بعد.
crisis-edit = تعديل خطة الأزمات
crisis-warning-signs = علامات الإنذار
crisis-safe-contacts = أشخاص آمنون للتواصل
crisis-steps = الخطوات الواجب اتخاذها
crisis-save = حفظ خطة الأزمات
task-kind-plan = مهمة في الخطة
task-kind-referral-followup = متابعة إحالة
# سجل الخدمات
service-log-title = الخدمات
service-log-none = لم تُسجَّل خدمات بعد.
service-log-add = تسجيل خدمة
service-date = التاريخ
service-category = الفئة
service-minutes = الدقائق
service-provider = قدّمها
service-provider-name = اسم مقدّم الخدمة
service-location = المكان
service-cost = التكلفة (USD)
service-cost-hint = مثلًا 12.50؛ اتركه فارغًا إذا كانت مجانية.
service-funder = الجهة المموّلة
service-note = ملاحظة
provider-staff = موظف
provider-volunteer = متطوع
provider-partner = منظمة شريكة
provider-external = مقدّم خدمة خارجي
service-category-mental-health = الصحة النفسية
service-category-medical-care = الرعاية الطبية
service-category-legal-information = معلومات قانونية
service-category-legal-representation-referral = إحالة للتمثيل القانوني
service-category-cultural-orientation = التوجيه الثقافي
service-category-trafficking-screening = فحص الاتجار بالبشر
service-category-school-enrolment = التسجيل في المدرسة
service-category-itin-application = طلب رقم ITIN
service-category-food = الغذاء
service-category-housing = السكن
service-category-temporary-housing-assistance = مساعدة في السكن المؤقت
service-category-language-classes = دروس اللغة
service-category-transportation = المواصلات
service-category-interpretation = الترجمة الفورية
service-category-employment = العمل
service-category-departure-planning = التخطيط للمغادرة
service-category-reintegration = إعادة الإدماج
services-error-category = اختر إحدى فئات الخدمات في البرنامج.
services-error-provider = اختر من قدّم الخدمة.
services-error-minutes = أدخل المدة بالدقائق (من 0 إلى 1440).
services-error-money = أدخل مبلغًا بالدولار والسنت، مثل 12.50.
services-error-funder = اختر إحدى الجهات المموّلة لديك.
services-error-date = أدخل التاريخ بصيغة تاريخ (YYYY-MM-DD).
services-error-goal = اكتب الهدف (حتى 2000 حرف).
services-error-goal-status = أغلق الهدف بوصفه: تحقق، أو تحقق جزئيًا، أو لم يتحقق.
services-error-progress = اكتب ما الذي تغيّر.
services-error-too-long = هذا النص طويل جدًا.
services-error-wait-days = مدة انتظار الرد من 1 إلى 365 يومًا.
services-error-months = فترة الأهلية من 1 إلى 120 شهرًا.
services-error-month = اختر شهرًا.
services-error-category-code = رمز الفئة يستخدم حروفًا إنجليزية صغيرة وأرقامًا و _ (من 2 إلى 40).
services-error-category-label = أعطِ الفئة الجديدة اسمًا.
services-error-funder-name = أعطِ الجهة المموّلة اسمًا.
# إعدادات البرنامج
services-admin-title = إعدادات الخدمات
services-admin-show = عرض
services-settings = الإحالات والأهلية
services-referral-wait = أيام انتظار الرد على الإحالة
services-eligibility-months = فترة الأهلية (بالأشهر من فتح الحالة)
services-categories = فئات الخدمات
services-toggle = تشغيل أو إيقاف
services-on = مفعّل
services-off = متوقف
services-turn-on = تفعيل
services-turn-off = إيقاف
services-category-code = الرمز
services-category-label = الاسم
services-category-add = إضافة فئة
services-funders = الجهات المموّلة والأسعار
services-funder-name = اسم الجهة المموّلة
services-funder-add = إضافة جهة مموّلة
services-rates = الأسعار
services-rate-set = تحديد السعر
rate-unit-service = لكل خدمة
rate-unit-quarter-hour = لكل ربع ساعة
rate-unit-client-month = لكل مستفيد في الشهر
# الفوترة
billing-title = الفوترة الشهرية
billing-month = الشهر
billing-show = عرض الفاتورة
billing-category = الفئة
billing-unit = الوحدة
billing-rate = السعر
billing-services = الخدمات
billing-minutes = الدقائق
billing-clients = المستفيدون
billing-units = الوحدات
billing-amount = المبلغ
billing-total = المجموع
billing-flagged = غير مفوترة
billing-flag-outside-window = خارج فترة أهلية المستفيد
billing-flag-no-window = لا توجد فترة أهلية معروفة
billing-flag-no-rate = ليس لدى الجهة المموّلة سعر لهذه الفئة
# الدليل
directory-title = دليل الموارد
directory-size = { $n ->
    [zero] لا توجد خدمات في الدليل.
    [one] خدمة واحدة في الدليل.
    [two] خدمتان في الدليل.
    [few] { $n } خدمات في الدليل.
    [many] { $n } خدمة في الدليل.
   *[other] { $n } خدمة في الدليل.
}
directory-search = بحث
directory-text = اسم الخدمة أو المنظمة
directory-category = الفئة
directory-language = اللغة المستخدمة
directory-language-hint = رمز لغة، مثل es أو ht.
directory-show-in = العرض باللغة
directory-lat = خط العرض
directory-lon = خط الطول
directory-km = ضمن مسافة (كم)
directory-open-day = مفتوح يوم
directory-open-time = الساعة
directory-none = لا توجد خدمات مطابقة.
directory-languages = اللغات
directory-hours = ساعات العمل
directory-import = استيراد دليل
directory-import-hint = ملف HSDS بصيغة JSON، أو datapackage.json مع ملفات CSV الخاصة به. الاستيراد يستبدل الدليل، ولا يُحفظ شيء إلا إذا كانت كل السجلات صحيحة.
directory-files = الملفات
directory-import-failed = لم يُستورد شيء: صحّح هذه المشكلات وحاول مرة أخرى.
directory-import-errors = المشكلات التي وُجدت
directory-import-unreadable = تعذّرت قراءة الملف المرفوع.
directory-file = الملف
directory-row = الصف
directory-field = الحقل
directory-problem = المشكلة
directory-imported = { $n ->
    [one] تم استيراد خدمة واحدة.
    [two] تم استيراد خدمتين.
   *[other] عدد الخدمات المستوردة: { $n }.
}
directory-export = تصدير
weekday-0 = الاثنين
weekday-1 = الثلاثاء
weekday-2 = الأربعاء
weekday-3 = الخميس
weekday-4 = الجمعة
weekday-5 = السبت
weekday-6 = الأحد
# الإحالات
referrals-title = الإحالات
referrals-none = لا توجد إحالات.
refer-title = إحالة
referral-to = أُحيل إلى
referral-from = من
referral-sent = تاريخ الإرسال
referral-next = الخطوة التالية
referral-reason = السبب
referral-record = تسجيل
referral-partner = منظمة شريكة
referral-share = ما الذي تتم مشاركته
referral-share-hint = شارك فقط ما تحتاجه الخدمة. لا ينتقل أي شيء آخر عن المستفيد مع الإحالة.
referral-consent = موافقة المستفيد
referral-consent-by = أعطى الموافقة
referral-consent-method = الطريقة
referral-consent-on = في تاريخ
referral-send = إرسال الإحالة
referral-history = السجل
referral-needs-consent = تحتاج الإحالة إلى موافقة المستفيد المسجلة: من أعطاها وكيف.
referral-error-target = اختر خدمة أو منظمة شريكة.
referral-error-field = اختر الحقول من القائمة.
referral-error-consent-date = لا يمكن أن تكون الموافقة بعد إرسال الإحالة.
referral-step-not-allowed = هذه الخطوة غير ممكنة من الوضع الحالي للإحالة.
referral-reason-required = اذكر سببًا لهذه الخطوة.
referral-answered-by-receiver = المنظمة المستقبِلة ترد على هذه الإحالة في Sendero.
referral-status-requested = مطلوبة
referral-status-received = مستلمة
referral-status-accepted = مقبولة
referral-status-rejected = مرفوضة
referral-status-in-progress = قيد التنفيذ
referral-status-on-hold = معلّقة
referral-status-completed = مكتملة
referral-status-cancelled = ملغاة
referral-status-failed = فشلت
share-name = الاسم
share-date-of-birth = تاريخ الميلاد
share-languages = اللغات
share-phone = الهاتف
share-household-size = حجم الأسرة
share-country = البلد
share-needs = ما يحتاجه المستفيد
consent-signed = موقّعة
consent-verbal = شفهية
referrals-panel-title = الإحالات
referrals-overdue = تنتظر الرد منذ وقت طويل:
referrals-incoming-waiting = { $n ->
    [one] إحالة واحدة تنتظر ردك.
    [two] إحالتان تنتظران ردك.
   *[other] عدد الإحالات التي تنتظر ردك: { $n }.
}
referral-days-waiting = { $n ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
incoming-title = الإحالات الواردة
incoming-explain = إحالات أرسلتها منظمات أخرى إلى منظمتك. ترى فقط ما اختاروا مشاركته.
incoming-back = كل الإحالات الواردة
incoming-shared = تمت مشاركته معك
incoming-shared-hint = تمت مشاركة هذه الحقول فقط، بموافقة المستفيد.
incoming-answer = الرد
referral-report-title = نتائج الإحالات
referral-report-explain = لكل خدمة أو منظمة: الإحالات المرسلة، والتي تم الرد عليها، والمكتملة، ووسيط عدد الأيام من الإرسال حتى القبول.
referral-report-sent = المرسلة
referral-report-accepted = المقبولة
referral-report-rejected = المرفوضة
referral-report-completed = المكتملة
referral-report-days = وسيط الأيام حتى القبول
referral-report-rate = نسبة الإكمال
referral-needs-text = صف ما يحتاجه المستفيد
