DROP TABLE report_settings;
DROP TABLE program_costs;
