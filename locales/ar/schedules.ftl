# Sendero — Arabic (ar)
schedules-title = التقارير المجدولة
schedules-description = تقارير مجلس الإدارة والاتحاد التي يُعدّها النظام تلقائيًا كل شهر أو كل ربع سنة، مع رابط يُرسل بالبريد الإلكتروني إلى من تختارهم.
schedules-intro = كل تشغيل يغطي الشهر أو الربع السابق كاملًا ويُحفظ هنا. يتلقى المستلمون رسالة بريد إلكتروني فيها رابط؛ التقرير نفسه لا يُرسل بالبريد أبدًا.
schedules-list = الجداول
schedules-none = لا يوجد تقرير مجدول بعد.
schedule-new = جدولة تقرير
schedule-report = التقرير
schedule-cadence = كم مرة
schedule-cadence-monthly = شهريًا (الشهر السابق)
schedule-cadence-quarterly = كل ربع سنة (الربع السابق)
schedule-format = الصيغة
schedule-language = لغة التقرير
schedule-recipients = المستلمون
schedule-recipients-hint = فقط الموظفون النشطون المسموح لهم بعرض التقارير يمكنهم استلامها.
schedule-all-programs = كل البرامج
schedule-next-run = التشغيل التالي
schedule-state = الوضع
schedule-active = نشط
schedule-paused = متوقف مؤقتًا
schedule-pause = إيقاف مؤقت
schedule-resume = استئناف
schedule-create = جدولة
schedule-runs = التقارير التي أُعدّت
schedule-runs-none = لم يُعدّ أي تقرير مجدول بعد.
schedule-made = تاريخ الإعداد (UTC)
schedule-file = الملف
schedule-error-report = اختر تقريرًا يمكن جدولته.
schedule-error-format = اختر PDF أو XLSX أو CSV.
schedule-error-cadence = اختر شهريًا أو كل ربع سنة.
schedule-error-recipients = اختر مستلمًا واحدًا على الأقل مسموحًا له بعرض التقارير.
schedule-error-language = اختر لغة يوفرها Sendero.
schedule-error-conflict = شخص آخر غيّر هذا الجدول في الأثناء. تعرض الصفحة الآن تغييره؛ حاول مرة أخرى.
schedule-mail-subject = { $report }: من { $from } إلى { $to } جاهز
schedule-mail-body =
    مرحبًا { $name }،

    التقرير المجدول "{ $report }" للفترة من { $from } إلى { $to } جاهز. سجّل الدخول إلى Sendero لتنزيله:
    { $link }

    التقرير إجمالي ومجهّل الهوية؛ وهو غير مرفق بهذه الرسالة.
