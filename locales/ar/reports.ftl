# Sendero — Arabic (ar)
reports-title = التقارير
reports-intro = كل تقرير هنا مجهّل الهوية: أعداد وتكاليف فقط، مع إخفاء الأعداد الصغيرة. لا يذكر أي منها شخصًا بعينه.
report-from = من
report-to = إلى
report-show = عرض التقرير
report-download = تنزيل
report-error-period = يجب أن تنتهي الفترة بعد بدايتها وألا تزيد على عشر سنوات.
board-title = تقرير مجلس الإدارة والجهات المموّلة
board-description = التسجيل مقارنة بالهدف، والمشاركون، وأيام المشاركة، والإغلاقات، وتكلفة يوم المشاركة بجانب التكلفة اليومية للاحتجاز.
board-all-programs = كل البرامج
board-period = من { $from } إلى { $to }
board-measure = المقياس
board-value = القيمة
board-goal = هدف التسجيل
board-enrolled-to-date = المسجلون حتى الآن
board-enrolled-in-period = المسجلون في الفترة
board-enrolled-at = المسجلون في الفترة في { $site }
board-no-site = بلا موقع
board-active = المشاركون في الفترة
board-participant-days = أيام المشاركة
board-closed-because = أُغلقت في الفترة: { $reason }
board-cost = تكلفة البرنامج في الفترة ($)
board-cost-per-day = تكلفة يوم المشاركة ($)
board-detention-per-day = تكلفة الاحتجاز اليومية ($)
board-detention-equivalent = تكلفة الاحتجاز للأيام نفسها ($)
board-note-cost = تكلفة يوم المشاركة: تكاليف البرنامج في الفترة (كل تكلفة موزعة بالتساوي على أيامها) مقسومة على عدد الأيام التي كان فيها المشاركون مسجلين في الفترة.
board-note-detention = تكلفة الاحتجاز اليومية: ${ $cost }، وهي التكلفة اليومية لاحتجاز المهاجرين الواردة في الوثائق التأسيسية للبرنامج؛ يمكن لمسؤولي النظام تغييرها.
board-note-suppression = الأعداد الأكبر من صفر والأقل من { $n } تظهر بعلامة *، وكذلك عدد كافٍ من الخانات الأخرى بحيث لا يمكن استنتاج أي منها من المجاميع.
board-note-deidentified = مجهّل الهوية: لا أسماء ولا تواريخ ميلاد ولا أرقام أجنبي (A-number) ولا عناوين. لا يوجد في Sendero تقرير أو تصدير أو واجهة برمجية تعطي بيانات تعرّف بالمستفيدين لسلطات إنفاذ قوانين الهجرة.
consortium-title = مجاميع الاتحاد
consortium-description = الحالات المفتوحة والتي فُتحت والتي أُغلقت والتي انقطع التواصل معها في كل منظمة من منظمات الاتحاد، مع حجب الأعداد الصغيرة.
consortium-open = الحالات المفتوحة
consortium-opened = فُتحت في الفترة
consortium-closed = أُغلقت في الفترة
consortium-lost-contact = أُغلقت بعد انقطاع التواصل
consortium-total = كل المنظمات
outcomes-description = التغيّر قبل/بعد في أدوات التقييم، مع فواصل الثقة والانسحاب.
report-settings-title = إعدادات التقارير وتكاليف البرامج
report-settings-assumptions = الافتراضات
report-settings-detention = تكلفة الاحتجاز اليومية ($)
report-settings-detention-hint = القيمة الافتراضية 164.65، وهي التكلفة اليومية للاحتجاز من الوثائق الأولية.
report-settings-threshold = حجب الأعداد الأقل من
report-costs-title = تكاليف البرامج
report-costs-none = لم تُسجَّل تكاليف بعد: لا يمكن حساب تكلفة يوم المشاركة.
report-costs-amount = المبلغ ($)
report-costs-description = ما الذي تغطيه
report-costs-add = إضافة تكلفة
report-error-detention-cost = أدخل تكلفة الاحتجاز اليومية كمبلغ، مثل 164.65.
report-error-threshold = حد الحجب عدد صحيح من 2 إلى 100.
report-error-cost-dates = يجب أن تنتهي فترة التكلفة بعد بدايتها.
report-error-cost-amount = أدخل المبلغ بالدولار، مثل 12500 أو 12,500.00.
report-error-conflict = شخص آخر غيّر هذه الإعدادات أثناء تعديلك. تظهر القيم الحالية؛ أدخل قيمك مرة أخرى.
overview-title = نظرة عامة على البرنامج
overview-progress = التسجيل مقارنة بالهدف وتقييمات الإغلاق
overview-enrolled = المسجلون
overview-of-goal = من الهدف
overview-open = مفتوحة
overview-closed-year = أُغلقت، آخر 12 شهرًا
overview-closure-assessed = أُغلقت مع تقييم إغلاق
overview-caseloads = توازن أعباء الحالات
overview-limit = الحد
overview-load = العبء
overview-caseloads-link = إعادة توزيع الحالات
overview-phases = الحالات المفتوحة حسب المرحلة والمدة في المرحلة
overview-median-days = وسيط الأيام في المرحلة
overview-longest-days = الأطول (بالأيام)
overview-closures = لماذا أُغلقت الحالات، آخر 90 يومًا
overview-no-closures = لم تُغلق أي حالة في آخر 90 يومًا.
evaluation-description = مقارنة حسب نية العلاج بين الأشخاص الذين سجّلتهم القرعة ومجموعة المقارنة: الحضور أمام المحكمة، والخدمات، والتغيّر في التقييم، مع فواصل الثقة وجدول التوازن.
appearance-description = الجلسات التي حُضرت، والتي فاتت، والتي أُجّلت، لكل برنامج وفترة، مع نسبة الحضور وفاصل الثقة 95%.
referral-report-description = المدة حتى القبول ونسبة الإكمال حسب الخدمة والفئة للإحالات ذات الحلقة المغلقة.
billing-description = الفوترة لكل فرد حسب الجهة المموّلة والبرنامج لشهر واحد، من سجل الخدمات، مع تعليم الخدمات الواقعة خارج فترة أهلية المستفيد.
board-services-of = الخدمات في أشهر الفترة: { $category }
overview-appearance = الحضور أمام المحكمة، آخر 12 شهرًا
overview-no-hearings = لم تُسجَّل نتيجة أي جلسة في آخر 12 شهرًا.
overview-hearings-due = { $n ->
    [zero] لا جلسات مستحقة
    [one] جلسة واحدة مستحقة
    [two] جلستان مستحقتان
    [few] { $n } جلسات مستحقة
    [many] { $n } جلسة مستحقة
   *[other] { $n } جلسة مستحقة
}
overview-top-services = الخدمات الأكثر شيوعًا، آخر ثلاثة أشهر
overview-no-services = لم تُسجَّل أي خدمة في آخر ثلاثة أشهر.
