-- Flink SQL batch job translated by Ferry from join_distinct_order_limit.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   OUTPUT
--   USERS

-- join_distinct_order_limit.pig:2
CREATE TEMPORARY TABLE clicks (
  `user` STRING,
  page STRING,
  ms INT
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- join_distinct_order_limit.pig:3
CREATE TEMPORARY TABLE users (
  `user` STRING,
  country STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${USERS}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

-- join_distinct_order_limit.pig:4
CREATE TEMPORARY VIEW joined AS
SELECT
  clicks.`user` AS clicks_user,
  clicks.page,
  clicks.ms,
  users.`user` AS users_user,
  users.country
FROM clicks
JOIN users ON clicks.`user` = users.`user`;

-- join_distinct_order_limit.pig:5
CREATE TEMPORARY VIEW pairs AS
SELECT
  country,
  page
FROM joined;

-- join_distinct_order_limit.pig:6
CREATE TEMPORARY VIEW unique_pairs AS
SELECT DISTINCT *
FROM pairs;

-- join_distinct_order_limit.pig:9
CREATE TEMPORARY TABLE first_store (
  country STRING,
  page STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '|',
  'sink.parallelism' = '1',
  'task' = 'reduce',
  'compression' = 'by-extension'
);

-- join_distinct_order_limit.pig:7
-- join_distinct_order_limit.pig:8
INSERT INTO first_store
SELECT *
FROM unique_pairs
ORDER BY country ASC NULLS FIRST, page DESC NULLS LAST
LIMIT 5;
