# Sendero — Dari (fa-AF)
schedules-title = گزارش‌های زمان‌بندی‌شده
schedules-description = گزارش‌های هیئت مدیره و ائتلاف که سیستم هر ماه یا هر ربع سال می‌سازد، با لینکی که به افراد انتخاب‌شدهٔ شما ایمیل می‌شود.
schedules-intro = هر اجرا تمام ماه یا ربع سال قبل از خود را پوشش می‌دهد و اینجا نگه داشته می‌شود. گیرندگان یک ایمیل با لینک دریافت می‌کنند؛ خود گزارش هرگز با ایمیل فرستاده نمی‌شود.
schedules-list = زمان‌بندی‌ها
schedules-none = هنوز هیچ گزارشی زمان‌بندی نشده است.
schedule-new = زمان‌بندی یک گزارش
schedule-report = گزارش
schedule-cadence = هر چند وقت
schedule-cadence-monthly = ماهانه (ماه قبل)
schedule-cadence-quarterly = هر ربع سال (ربع قبل)
schedule-format = شکل فایل
schedule-language = زبان گزارش
schedule-recipients = گیرندگان
schedule-recipients-hint = فقط کارمندان فعالی که اجازهٔ دیدن گزارش‌ها را دارند می‌توانند آن‌ها را دریافت کنند.
schedule-all-programs = همهٔ برنامه‌ها
schedule-next-run = اجرای بعدی
schedule-state = وضعیت
schedule-active = فعال
schedule-paused = موقتاً متوقف
schedule-pause = توقف موقت
schedule-resume = ادامه
schedule-create = زمان‌بندی
schedule-runs = گزارش‌های ساخته‌شده
schedule-runs-none = هنوز هیچ گزارش زمان‌بندی‌شده‌ای ساخته نشده است.
schedule-made = ساخته شده (UTC)
schedule-file = فایل
schedule-error-report = گزارشی انتخاب کنید که زمان‌بندی می‌شود.
schedule-error-format = PDF، XLSX یا CSV را انتخاب کنید.
schedule-error-cadence = ماهانه یا هر ربع سال را انتخاب کنید.
schedule-error-recipients = حد اقل یک گیرنده انتخاب کنید که اجازهٔ دیدن گزارش‌ها را دارد.
schedule-error-language = زبانی را انتخاب کنید که Sendero دارد.
schedule-error-conflict = شخص دیگری در این میان این زمان‌بندی را تغییر داد. صفحه حالا تغییر او را نشان می‌دهد؛ دوباره کوشش کنید.
schedule-mail-subject = { $report }: { $from } تا { $to } آماده است
schedule-mail-body =
    سلام { $name }،

    گزارش زمان‌بندی‌شدهٔ "{ $report }" برای { $from } تا { $to } آماده است. برای دانلود آن به Sendero وارد شوید:
    { $link }

    این گزارش مجموعی و بدون مشخصات هویتی است؛ به این ایمیل ضمیمه نشده است.
