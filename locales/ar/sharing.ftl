# Sendero — Arabic (ar)
when = الوقت
organization = المنظمة
consents-title = موافقات المشاركة
consents-none = لم تُسجَّل أي موافقة. لا تتم مشاركة أي شيء من هذا السجل مع منظمات أخرى.
consent-title = الموافقة
consent-record = تسجيل موافقة
consent-recipient = تتم المشاركة مع
consent-to-consortium = كل منظمات الاتحاد
consent-purpose = الغرض
consent-scopes = ما تتم مشاركته
consent-scopes-hint = الاسم واللغات يُشاركان دائمًا مع أي موافقة. ملاحظات الحالة لا تُشارك أبدًا.
consent-period = سارية
consent-starts = من
consent-ends = حتى
consent-method = كيف وافق المستفيد
consent-witness = الشاهد (مطلوب للموافقة الشفهية)
consent-language = اللغة التي شُرحت بها الموافقة
consent-revoke = إلغاء
consent-reads = من اطّلع بموجب هذه الموافقة
consent-reads-none = لم يطّلع أحد على السجل بموجب هذه الموافقة.
consent-reader = المطّلع
consent-scope-contacts = بيانات الاتصال
consent-scope-case = البرنامج ومدير الحالة
consent-scope-hearings = الجلسات والمواعيد
consent-scope-service-plan = خطة الخدمات
consent-scope-services = الخدمات المتلقاة
consent-scope-assessments = درجات التقييم
consent-method-signed = موقّعة
consent-method-verbal = شفهية، بحضور شاهد
consent-state-active = سارية
consent-state-scheduled = لم تسرِ بعد
consent-state-expired = منتهية
consent-state-revoked = ملغاة
consent-error-self = اختر منظمة أخرى: منظمتك لا تحتاج إلى موافقة.
consent-error-scopes = اختر جزءًا واحدًا على الأقل من السجل لمشاركته.
consent-error-order = يجب أن يكون تاريخ الانتهاء بعد تاريخ البدء.
consent-error-too-long = تدوم الموافقة سنة واحدة على الأكثر؛ سجّل موافقة جديدة لتجديدها.
consent-error-past = هذه الفترة انتهت بالفعل.
consent-error-witness = الموافقة الشفهية تحتاج إلى اسم شاهد.
consent-error-recipient = لا يمكن إعطاء الموافقة إلا لمنظمة من الاتحاد الذي تنتمي إليه.
consent-error-no-consortium = منظمتك ليست جزءًا من اتحاد، لذلك لا يوجد من تتم المشاركة معه.
consent-error-revoked = أُلغيت هذه الموافقة من قبل.
shared-title = تمت مشاركته معنا
shared-intro = سجلات تشاركها منظمات أخرى في الاتحاد مع منظمتك، بموافقة المستفيد. ترى بالضبط ما وافق عليه المستفيد، حتى تنتهي الموافقة أو تُلغى. كل زيارة تُسجَّل.
shared-none = لا يوجد سجل تتم مشاركته مع منظمتك حاليًا.
shared-from = من
shared-until = حتى
shared-notice = شاركته { $holder } بموافقة المستفيد، حتى { $until }. هذه الزيارة مسجلة.
shared-count = { $n ->
    [zero] لا توجد سجلات تمت مشاركتها معنا
    [one] سجل واحد تمت مشاركته معنا
    [two] سجلان تمت مشاركتهما معنا
    [few] { $n } سجلات تمت مشاركتها معنا
    [many] { $n } سجلًا تمت مشاركتها معنا
   *[other] { $n } سجل تمت مشاركتها معنا
}
transfers-waiting = { $n ->
    [zero] لا توجد عمليات نقل تنتظر الرد
    [one] عملية نقل واحدة تنتظر الرد
    [two] عمليتا نقل تنتظران الرد
    [few] { $n } عمليات نقل تنتظر الرد
    [many] { $n } عملية نقل تنتظر الرد
   *[other] { $n } عملية نقل تنتظر الرد
}
sharing-panel = بين المنظمات
transfers-title = عمليات النقل الواردة
transfers-none = لا توجد عملية نقل تنتظر منظمتك.
transfer-title = النقل
transfer-section = النقل إلى منظمة أخرى
transfer-propose = اقتراح نقل
transfer-to = المنظمة المستقبِلة
transfer-summary = ملخص التسليم
transfer-summary-hint = ما يحتاج الفريق المستقبِل إلى معرفته: الوضع، والاحتياجات القائمة، والمواعيد القادمة، وما تم الوعد به.
transfer-keep-access = يوافق المستفيد على أن نحتفظ بصلاحية قراءة ما سجّلناه
transfer-answer = الرد
transfer-accept = القبول وفتح حالة
transfer-decline = الرفض
transfer-decline-reason = سبب الرفض
transfer-back-to-case = العودة إلى الحالة
transfer-open-new-case = فتح الحالة الجديدة
transfer-status-proposed = بانتظار الرد
transfer-status-accepted = مقبول
transfer-status-declined = مرفوض
transfer-error-recipient = اختر منظمة من الاتحاد الذي تنتمي إليه.
transfer-error-pending = يوجد طلب نقل لهذه الحالة ينتظر الرد بالفعل.
transfer-error-answered = تم الرد على طلب النقل هذا من قبل.
transferred-title = تم نقل السجل
transferred-body = نُقل هذا المستفيد إلى { $to } في { $on }. لم تحتفظ منظمتك بصلاحية الوصول إلى السجل.
closure-transferred = نُقل إلى منظمة أخرى
export-section-events = الجلسات والمراجعات والمواعيد
export-section-consents = موافقات المشاركة
export-section-transfers = عمليات النقل إلى منظمات أخرى
