DROP TABLE calendar_settings;
DROP TABLE calendar_feeds;
DROP TABLE oncall_shifts;
DROP TABLE eligibility_windows;
DROP TABLE opt_outs;
DROP TABLE reminders;
DROP TABLE events;
DROP TABLE places;
