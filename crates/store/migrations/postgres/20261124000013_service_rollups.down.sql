DROP TABLE service_rollup_clients;
DROP TABLE service_rollups;
