# Sendero — Pashto (ps)
schedules-title = مهالوېش شوي راپورونه
schedules-description = د بورډ او ائتلاف راپورونه چې سیسټم یې هره میاشت یا هره درې میاشتې جوړوي، له یو لینک سره چې تاسو ټاکل شویو کسانو ته په ایمیل لېږل کېږي.
schedules-intro = هر ځل اجرا له ځانه مخکې ټوله میاشت یا درې میاشتنۍ پوښي او دلته ساتل کېږي. ترلاسه کوونکي یو ایمیل له لینک سره ترلاسه کوي؛ پخپله راپور هېڅکله په ایمیل نه لېږل کېږي.
schedules-list = مهالوېشونه
schedules-none = لا هېڅ راپور مهالوېش شوی نه دی.
schedule-new = د راپور مهالوېش جوړ کړئ
schedule-report = راپور
schedule-cadence = څو ځله
schedule-cadence-monthly = میاشتنی (تېره میاشت)
schedule-cadence-quarterly = درې میاشتنی (تېرې درې میاشتې)
schedule-format = بڼه
schedule-language = د راپور ژبه
schedule-recipients = ترلاسه کوونکي
schedule-recipients-hint = یوازې هغه فعال کارکوونکي یې ترلاسه کولی شي چې د راپورونو د لیدو اجازه لري.
schedule-all-programs = ټول پروګرامونه
schedule-next-run = بل اجرا
schedule-state = حالت
schedule-active = فعال
schedule-paused = لنډمهاله ودرول شوی
schedule-pause = لنډمهاله درول
schedule-resume = بیا پیلول
schedule-create = مهالوېش
schedule-runs = جوړ شوي راپورونه
schedule-runs-none = لا هېڅ مهالوېش شوی راپور نه دی جوړ شوی.
schedule-made = جوړ شوی (UTC)
schedule-file = فایل
schedule-error-report = داسې راپور وټاکئ چې مهالوېش کېدای شي.
schedule-error-format = PDF، XLSX یا CSV وټاکئ.
schedule-error-cadence = میاشتنی یا درې میاشتنی وټاکئ.
schedule-error-recipients = لږ تر لږه یو ترلاسه کوونکی وټاکئ چې د راپورونو د لیدو اجازه لري.
schedule-error-language = داسې ژبه وټاکئ چې Sendero یې لري.
schedule-error-conflict = بل چا په دې منځ کې دا مهالوېش بدل کړ. پاڼه اوس د هغه بدلون ښيي؛ بیا هڅه وکړئ.
schedule-mail-subject = { $report }: { $from } تر { $to } چمتو دی
schedule-mail-body =
    سلام { $name }،

    مهالوېش شوی راپور "{ $report }" د { $from } تر { $to } لپاره چمتو دی. د ښکته کولو لپاره Sendero ته ننوځئ:
    { $link }

    راپور ټولیز او بې هویته دی؛ له دې ایمیل سره نه دی نښلول شوی.
