-- Flink SQL batch job translated by Ferry from group_aggregates.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   OUTPUT

-- group_aggregates.pig:2
CREATE TEMPORARY TABLE clicks (
  `user` STRING,
  page STRING,
  ms INT,
  price DOUBLE
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- group_aggregates.pig:3
-- group_aggregates.pig:4
CREATE TEMPORARY VIEW stats AS
SELECT
  page,
  COUNT(`user`) AS n,
  SUM(CAST(ms AS BIGINT)) AS total_ms,
  AVG(price) AS avg_price,
  MIN(ms) AS fastest,
  MAX(`user`) AS last_user
FROM clicks
GROUP BY page;

-- group_aggregates.pig:6
-- group_aggregates.pig:7
CREATE TEMPORARY VIEW totals AS
SELECT
  COUNT(*) AS rows_seen,
  SUM(price) AS revenue
FROM clicks
GROUP BY 'all';

-- group_aggregates.pig:8
CREATE TEMPORARY TABLE stats_store (
  page STRING,
  n BIGINT,
  total_ms BIGINT,
  avg_price DOUBLE,
  fastest INT,
  last_user STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/stats',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO stats_store
SELECT *
FROM stats;

-- group_aggregates.pig:9
CREATE TEMPORARY TABLE totals_store (
  rows_seen BIGINT,
  revenue DOUBLE
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/totals',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO totals_store
SELECT *
FROM totals;
