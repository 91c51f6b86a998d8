DROP TABLE transfers;
DROP TABLE consents;
