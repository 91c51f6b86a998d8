schedules-title = Scheduled reports
schedules-description = Board and consortium reports made every month or quarter by the worker, with a link emailed to the people you choose.
schedules-intro = Each run covers the whole month or quarter before it and is kept here. Recipients get an email with a link; the report itself never travels by email.
schedules-list = Schedules
schedules-none = No report is scheduled yet.
schedule-new = Schedule a report
schedule-report = Report
schedule-cadence = How often
schedule-cadence-monthly = Monthly (the month before)
schedule-cadence-quarterly = Quarterly (the quarter before)
schedule-format = Format
schedule-language = Language of the report
schedule-recipients = Recipients
schedule-recipients-hint = Only active staff who may view reports can receive them.
schedule-all-programs = All programs
schedule-next-run = Next run
schedule-state = State
schedule-active = Active
schedule-paused = Paused
schedule-pause = Pause
schedule-resume = Resume
schedule-create = Schedule
schedule-runs = Reports made
schedule-runs-none = No scheduled report has been made yet.
schedule-made = Made (UTC)
schedule-file = File
schedule-error-report = Choose a report that can be scheduled.
schedule-error-format = Choose PDF, XLSX or CSV.
schedule-error-cadence = Choose monthly or quarterly.
schedule-error-recipients = Choose at least one recipient who may view reports.
schedule-error-language = Choose a language Sendero offers.
schedule-error-conflict = Someone changed this schedule meanwhile. The page now shows their change; try again.
schedule-mail-subject = { $report }: { $from } to { $to } is ready
schedule-mail-body =
    Hello { $name },

    The scheduled report "{ $report }" for { $from } to { $to } is ready. Sign in to Sendero to download it:
    { $link }

    The report is aggregate and de-identified; it is not attached to this email.
