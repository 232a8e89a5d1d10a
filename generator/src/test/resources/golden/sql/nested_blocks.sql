-- Flink SQL batch job translated by Ferry from nested_blocks.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- nested_blocks.pig:2
CREATE TEMPORARY TABLE visits (
  `user` STRING,
  url STRING,
  ts BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'visits',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- nested_blocks.pig:6
-- nested_blocks.pig:7
-- nested_blocks.pig:8
CREATE TEMPORARY VIEW recent_top AS
SELECT
  `user`,
  url,
  ts
FROM (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY `user` ORDER BY ts DESC NULLS LAST) AS row_in_group
  FROM visits
  WHERE ts > CAST(100 AS BIGINT)
) AS numbered
WHERE row_in_group <= 3;

-- nested_blocks.pig:3
-- nested_blocks.pig:4
CREATE TEMPORARY VIEW recent AS
SELECT
  visits.`user`,
  COALESCE(visits.count_url, CAST(0 AS BIGINT)) AS distinct_urls,
  COALESCE(top.bag, ARRAY_SLICE(ARRAY[CAST(NULL AS ROW<f0 STRING, f1 STRING, f2 BIGINT>)], 2, 1)) AS top
FROM (
  SELECT
    `user`,
    COUNT(DISTINCT url) AS count_url
  FROM visits
  GROUP BY `user`
) AS visits
LEFT JOIN (
  SELECT
    `user`,
    PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(`user`, url, ts)) AS ARRAY<ROW<f0 STRING, f1 STRING, f2 BIGINT>>), '2d') AS bag
  FROM recent_top
  GROUP BY `user`
) AS top ON visits.`user` IS NOT DISTINCT FROM top.`user`;

-- nested_blocks.pig:14
CREATE TEMPORARY VIEW pairs_both AS
SELECT
  early.`user`,
  early.`user` AS early_user,
  early.url,
  early.ts,
  late_ones.`user` AS late_ones_user,
  late_ones.url AS late_ones_url,
  late_ones.ts AS late_ones_ts
FROM (
  SELECT *
  FROM visits
  WHERE ts < CAST(50 AS BIGINT)
) AS early
JOIN (
  SELECT *
  FROM visits
  WHERE ts > CAST(100 AS BIGINT)
) AS late_ones ON early.`user` IS NOT DISTINCT FROM late_ones.`user`;

-- nested_blocks.pig:15
CREATE TEMPORARY VIEW pairs_gaps AS
SELECT
  `user`,
  late_ones_ts - ts AS gap
FROM pairs_both;

-- nested_blocks.pig:3
-- nested_blocks.pig:11
CREATE TEMPORARY VIEW pairs AS
SELECT
  visits.`user`,
  gaps.max_gap AS widest
FROM (
  SELECT `user`
  FROM visits
  GROUP BY `user`
) AS visits
LEFT JOIN (
  SELECT
    `user`,
    MAX(gap) AS max_gap
  FROM pairs_gaps
  GROUP BY `user`
) AS gaps ON visits.`user` IS NOT DISTINCT FROM gaps.`user`;

-- nested_blocks.pig:3
-- nested_blocks.pig:18
CREATE TEMPORARY VIEW sorted AS
SELECT
  `user`,
  PIG_BAGTOSTRING(PIG_BAG_PROJECT(PIG_BAG_SORT(ARRAY_AGG(ROW(`user`, url, ts)), '2a,1a'), 1), ',') AS path
FROM visits
GROUP BY `user`;

-- nested_blocks.pig:22
CREATE TEMPORARY TABLE recent_store (
  `user` STRING,
  distinct_urls BIGINT,
  top STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/recent',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO recent_store
SELECT
  `user`,
  distinct_urls,
  PIG_TEXT(top) AS top
FROM recent;

-- nested_blocks.pig:23
CREATE TEMPORARY TABLE pairs_store (
  `user` STRING,
  widest BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/pairs',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO pairs_store
SELECT *
FROM pairs;

-- nested_blocks.pig:24
CREATE TEMPORARY TABLE sorted_store (
  `user` STRING,
  path STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/sorted',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO sorted_store
SELECT *
FROM sorted;
