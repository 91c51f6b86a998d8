# Sendero — Arabic (ar)
# المتطوعون وشبكات الرعاية والتوصيلات وسجل الأوصياء.
nav-networks = شبكات الرعاية
nav-volunteers = المتطوعون
nav-my-families = أسري
nav-guardian-search = سجل الأوصياء
care-yes = نعم
care-no = لا

public-too-large-title = النص طويل جدًا
public-too-large = أرسل هذا النموذج نصًا أكثر مما يقبل. اختصر إجاباتك وحاول مرة أخرى.
public-too-many-title = يرجى الانتظار
public-too-many = أُرسلت نماذج كثيرة جدًا من هذا الاتصال خلال الساعة الأخيرة. يرجى المحاولة لاحقًا.
public-honeypot = اترك هذا الحقل فارغًا

msg-ride-offer-subject = هل تستطيع المساعدة يوم { $when }؟
msg-ride-offer-body = تحتاج أسرة إلى { $kind } يوم { $when } من { $from } إلى { $to }. افتح "أسري" في Sendero للقبول؛ أول متطوع يقبل يأخذ المهمة.
msg-ride-confirmed-subject = تم تأكيد توصيلتك
msg-ride-confirmed-body = تم تأكيد توصيلتك: سيأخذك { $driver } يوم { $when } من { $from }.
msg-welcome-subject = مرحبًا بك في Sendero
msg-welcome-body = مرحبًا { $name }. تمت الموافقة على طلبك. اختر كلمة المرور من هذا الرابط (صالح لمدة 3 أيام، ولمرة واحدة): { $link }
msg-guardian-request-subject = شاب أو شابة يحتاج إلى وصي
msg-guardian-request-body = { $name }، يسألك محامٍ إن كنت تستطيع أن تكون وصيًا على شاب أو شابة يطلب وضع المهاجر القاصر الخاص (SIJS). يرجى الرد هنا: { $link }

request-kind-ride = توصيلة
request-kind-interpretation = مترجم
day-mon = الاثنين
day-tue = الثلاثاء
day-wed = الأربعاء
day-thu = الخميس
day-fri = الجمعة
day-sat = السبت
day-sun = الأحد
day-part-am = صباحًا
day-part-pm = بعد الظهر
day-part-eve = مساءً

vol-signup-title = تطوّع معنا
vol-signup-intro = يوصل المتطوعون الأسر إلى مواعيدها، ويترجمون، ويرشدون، ويساعدونها على الاستقرار. أخبرنا كيف تستطيع المساعدة؛ سيتواصل معك منسق بخصوص التدريب والتحقق من السجل.
vol-organization = المنظمة
vol-name = الاسم
vol-email = البريد الإلكتروني
vol-phone = الهاتف
vol-languages = اللغات
vol-languages-hint = افصل بين اللغات بفواصل، مثلًا: الإسبانية، الكريولية الهايتية.
vol-zip = الرمز البريدي (ZIP)
vol-zip-hint = مكان سكنك، حتى نطلب مساعدتك في أماكن قريبة.
vol-driving = القيادة
vol-can-drive = أستطيع توصيل الأسر بالسيارة
vol-licence-expires = تاريخ انتهاء رخصة القيادة
vol-insurance-expires = تاريخ انتهاء تأمين السيارة
vol-availability = متى تستطيع المساعدة عادةً؟
vol-away = التواريخ التي تكون فيها غائبًا
vol-away-hint = YYYY-MM-DD، مفصولة بفواصل.
vol-signup-submit = إرسال طلبي
vol-thanks-title = شكرًا لك
vol-thanks = شكرًا لك. إذا كان هذا طلبًا جديدًا، سيتواصل معك منسق قريبًا.
vol-welcome-title = اختر كلمة المرور
vol-welcome-intro = مرحبًا { $name }. اختر كلمة مرور لتسجيل الدخول إلى Sendero.
vol-new-password = كلمة المرور الجديدة
vol-new-password-hint = 10 أحرف على الأقل.
vol-set-password = حفظ كلمة المرور
vol-welcome-expired = انتهت صلاحية هذا الرابط أو استُخدم من قبل. اطلب رابطًا جديدًا من المنسق.
vol-list-title = المتطوعون
vol-signup-link = نموذج التسجيل العام
vol-status = الوضع
vol-status-all = الكل
vol-status-applied = قدّم طلبًا
vol-status-approved = مقبول
vol-status-declined = مرفوض
vol-none = لا يوجد متطوعون مطابقون.
vol-expiring-title = تحققات وتدريبات توشك على الانتهاء
vol-expiring-none = لا شيء ينتهي خلال الأيام الثلاثين القادمة.
vol-expiring-what = ماذا
vol-expiring-check = التحقق من السجل
vol-expires-on = تاريخ الانتهاء
vol-approve = قبول
vol-approved-link = تم القبول. رسالة ترحيب فيها هذا الرابط لمرة واحدة في قائمة الإرسال؛ إذا لم تصل، أعطِ المتطوع هذا الرابط (يظهر الآن فقط):

check-title = التحقق من السجل
check-intro = يتشارك الاتحاد خدمة تحقق واحدة: المنظمات الأخرى ترى فقط إن كان الشخص قد اجتاز التحقق وحتى متى، ولا ترى التقرير أبدًا.
check-status = التحقق من السجل
check-request = طلب تحقق من السجل
check-report = التقرير
check-list-empty = لم يُطلب أي تحقق بعد.
check-requested-on = طُلب في
check-none = لم يُطلب
check-requested = مطلوب
check-in-progress = قيد التنفيذ
check-cleared = اجتاز التحقق
check-not-cleared = لم يجتز التحقق
check-expired = منتهي الصلاحية
training-title = التدريب
training-none = لم يُسجَّل تدريب بعد.
training-module = الوحدة
training-completed = تاريخ الإكمال
training-add = تسجيل تدريب

network-list-title = شبكات الرعاية
network-intro = شبكة من المتطوعين والموظفين حول كل أسرة، مع لوحة مهام مشتركة وسلسلة رسائل.
network-none = لا توجد شبكات رعاية بعد.
network-create = تكوين شبكة رعاية
network-household = الأسرة
network-household-link = سجل الأسرة
network-members = الأعضاء
network-no-members = لا يوجد أعضاء بعد.
network-role = الدور
network-sensitive = تفاصيل الهجرة وملاحظات الحالة
network-granted = مسموح
network-not-granted = غير مسموح
network-grant = السماح
network-withdraw = سحب الإذن
network-staff = الموظفون
network-add-member = إضافة إلى الشبكة
network-person = الشخص
network-tasks = المهام
network-no-tasks = لا توجد مهام بعد.
network-due = موعدها
network-task-done = منجزة
network-taken-by = أخذها { $name }
network-take = سأقوم بها
network-mark-done = أُنجزت
network-add-task = إضافة مهمة
network-task-title = المهمة
network-thread = الرسائل
network-message = الرسالة
network-send = إرسال
network-role-coordinator = منسق
network-role-navigator = مرشد
network-role-natural-helper = مساعد من المجتمع
network-role-driver = سائق
network-role-interpreter = مترجم
network-role-mentor = موجّه

ride-list-title = التوصيلات والمترجمون
ride-title = الطلب
ride-none = لا توجد طلبات بعد.
ride-request = طلب توصيلة أو مترجم
ride-kind = ما المطلوب
ride-purpose = الغرض
ride-when = الوقت
ride-pickup = عنوان الانطلاق (أو مكان اللقاء)
ride-pickup-zip = الرمز البريدي لمكان الانطلاق
ride-pickup-zip-hint = يُستخدم للعثور على متطوعين قريبين.
ride-destination = الوجهة
ride-passengers = الركاب
ride-child-seats = مقاعد الأطفال
ride-language = لغة الأسرة
ride-transit = بديل بالنقل العام
ride-transit-hint = مثلًا خط الحافلة ومواعيدها، إن وُجد.
ride-status = الوضع
ride-volunteer = المتطوع
ride-miles = الأميال
ride-offered-to = عُرض على
ride-no-match = لا يوجد متطوع اجتاز التحقق ومتاح وقريب بما يكفي. فكّر في بديل النقل العام أو اسأل الموظفين.
ride-distance = الأميال من المنزل
ride-speaks = يتحدث لغة الأسرة
ride-log-miles = تسجيل الأميال
ride-cancel = إلغاء الطلب
ride-accept = سآخذها
ride-report-title = التوصيلات والأميال
ride-report-intro = التوصيلات والترجمات المكتملة حسب الشهر والغرض، مع الأميال المسجلة للتعويض.
ride-report-caption = الطلبات المكتملة حسب الشهر والغرض
ride-month = الشهر
ride-count = الطلبات
ride-total = المجموع
ride-purpose-ice-check-in = مراجعة لدى ICE
ride-purpose-immigration-court = محكمة الهجرة
ride-purpose-medical = طبي
ride-purpose-school = المدرسة
ride-purpose-other = أخرى
ride-status-requested = بانتظار متطوع
ride-status-accepted = مقبول
ride-status-completed = مكتمل
ride-status-cancelled = ملغى

my-families-title = أسري
my-families-none = لست بعد في شبكة أي أسرة.
my-rides = التوصيلات والترجمة
my-rides-none = لا يوجد ما يُعرض عليك حاليًا.
family-your-roles = أدوارك
family-people = الأشخاص
family-age = { $n ->
    [zero] أقل من سنة
    [one] عمره سنة واحدة
    [two] عمره سنتان
    [few] عمره { $n } سنوات
    [many] عمره { $n } سنة
   *[other] عمره { $n } سنة
}
family-phone = الهاتف
family-notes = ملاحظات الحالة

guardian-public-title = كن وصيًا على شاب أو شابة
guardian-public-intro = الشباب الذين وصلوا وحدهم قد يكونون مؤهلين لوضع المهاجر القاصر الخاص (SIJS). يجب أولًا أن تعيّن محكمة الولاية شخصًا بالغًا يهتم بهم وصيًا عليهم.
guardian-what-title = ماذا يفعل الوصي
guardian-what = يعطي الوصي الشاب شخصًا بالغًا ثابتًا يعتمد عليه: يذهب معه إلى المحكمة مع محاميه، ويساعده في المدرسة والصحة، ويكون بجانبه. الأوصياء متطوعون؛ والمحامون وموظفونا يدعمونك طوال الوقت.
guardian-deadline = الوقت مهم: يجب أن تكتمل الوصاية قبل أن يبلغ الشاب 18 عامًا.
guardian-voices-title = بكلمات الأوصياء
guardian-voice-1 = ظننت أنني مشغولة جدًا. تبيّن أن الأمر بضع ساعات في الشهر، وشاب يتصل بي الآن في يوم ميلاده.
guardian-voice-1-who = مارتا، وصية منذ 2023
guardian-voice-2 = أجاب التدريب عن كل سؤال كان لدي عن المحكمة.
guardian-voice-2-who = بول، وصي منذ 2024
guardian-training-title = التدريب
guardian-training-1 = الوصاية ووضع المهاجر القاصر الخاص: الأساسيات (ساعتان).
guardian-training-2 = دعم الشباب بطريقة واعية بالصدمات النفسية (ساعتان).
guardian-training-3 = العمل مع المحامي والمحكمة (ساعة واحدة).
guardian-signup-title = التسجيل
guardian-motivation = لماذا تريد أن تكون وصيًا؟
guardian-signup-submit = إرسال طلبي
guardian-thanks-title = شكرًا لك
guardian-thanks = شكرًا لك. إذا كان هذا طلبًا جديدًا، سيتواصل معك منسق بخصوص التدريب والتحقق من السجل.
guardian-registry-title = سجل الأوصياء
guardian-none = لا يوجد أوصياء محتملون بعد.
guardian-cap = الحد الأقصى للقاصرين
guardian-matches = المطابقات
guardian-no-matches = لا توجد مطابقات بعد.
guardian-minor = القاصر
guardian-guardian = الوصي
guardian-eighteen = بلوغ 18 عامًا
guardian-days-left = { $n ->
    [zero] لم يبق أي يوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $n } أيام
    [many] بقي { $n } يومًا
   *[other] بقي { $n } يوم
}
match-status-requested = مطلوب
match-status-accepted = مقبول
match-status-declined = مرفوض
guardian-search-title = سجل الأوصياء
guardian-search-intro = أوصياء مدرَّبون واجتازوا التحقق، ولديهم مكان لقاصر آخر. المحامون وحدهم يرون هذه القائمة.
guardian-near-zip = قرب الرمز البريدي
guardian-results = الأوصياء المتاحون
guardian-no-results = لا يوجد وصي مطابق. جرّب لغة أو منطقة أخرى.
guardian-miles = الأميال
guardian-places-left = { $n ->
    [zero] لم يبق مكان
    [one] بقي مكان واحد
    [two] بقي مكانان
    [few] بقيت { $n } أماكن
    [many] بقي { $n } مكانًا
   *[other] بقي { $n } مكان
}
guardian-request-match = اسأل هذا الوصي
guardian-answer-title = طلب لتكون وصيًا
guardian-answer-intro = { $name }، يسألك محامٍ إن كنت تستطيع أن تكون وصيًا على شاب أو شابة. سيتصل بك منسقنا بالتفاصيل.
guardian-accept = نعم، أستطيع
guardian-decline = ليس الآن
guardian-answer-expired = انتهت صلاحية هذا الرابط أو تم الرد عليه من قبل.
guardian-answer-accepted = شكرًا لك. سيتواصل معك المحامي.
guardian-answer-declined = شكرًا لإخبارنا.

volunteer-error-zip = أدخل رمزًا بريديًا من 5 أرقام.
volunteer-error-driver-dates = يحتاج السائقون إلى تاريخ انتهاء رخصة القيادة والتأمين.
volunteer-error-lapsed = هذا التاريخ مضى؛ يجب أن تكون سارية لتوصيل الأسر.
volunteer-error-no-slots = اختر وقتًا واحدًا على الأقل تستطيع المساعدة فيه.
volunteer-error-already-approved = هذا المتطوع مقبول بالفعل.
volunteer-error-not-cleared = فقط المتطوعون الذين اجتازوا تحققًا ساريًا من السجل يمكنهم خدمة الأسر.
check-error-transition = التحقق المنتهي لا يمكن أن يعود؛ اطلب تحققًا جديدًا بدلًا من ذلك.
network-error-role = هذا الدور غير متاح لهذا الشخص.
network-error-already-member = هذا الشخص لديه هذا الدور في الشبكة بالفعل.
network-error-task-title = اذكر ما يجب عمله.
network-task-error-taken = أخذ شخص آخر هذه المهمة، أو أنها أُنجزت.
ride-error-taken = قبل متطوع آخر هذا الطلب بالفعل.
ride-error-not-yours = فقط المتطوع الذي أخذ هذا الطلب يمكنه تسجيل أمياله.
ride-error-closed = هذا الطلب مغلق بالفعل.
ride-error-miles = أدخل الأميال كرقم (مثلًا 74.5).
ride-error-zip-unknown = لا يعرف Sendero هذا الرمز البريدي بعد؛ اتركه فارغًا أو استخدم رمزًا قريبًا.
ride-error-when = أدخل التاريخ والوقت.
ride-error-count = أدخل رقمًا ضمن النطاق المسموح.
guardian-error-cap = يجب أن يكون الحد بين 1 و5 قاصرين.
guardian-error-not-minor = لا يمكن طلب وصي إلا لقاصر.
guardian-error-unavailable = هذا الوصي غير متاح (لم يجتز التحقق أو التدريب، أو وصل إلى الحد الأقصى).
