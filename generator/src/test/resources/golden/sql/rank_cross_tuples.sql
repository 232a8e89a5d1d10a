-- Flink SQL batch job translated by Ferry from rank_cross_tuples.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- rank_cross_tuples.pig:2
CREATE TEMPORARY TABLE `rows` (
  name STRING,
  clicks INT,
  city STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'in',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- rank_cross_tuples.pig:3
-- rank_cross_tuples.pig:4
-- rank_cross_tuples.pig:5
CREATE TEMPORARY VIEW ranked AS
SELECT *
FROM (
  SELECT
    CAST(ROW_NUMBER() OVER (ORDER BY clicks DESC NULLS LAST, name ASC NULLS FIRST) AS BIGINT) AS rank_top,
    *
  FROM `rows`
) AS numbered
WHERE rank_top <= 3;

-- rank_cross_tuples.pig:6
CREATE TEMPORARY TABLE ranked_store (
  rank_top BIGINT,
  name STRING,
  clicks INT,
  city STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/ranked',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- rank_cross_tuples.pig:5
INSERT INTO ranked_store
SELECT *
FROM ranked
ORDER BY rank_top ASC NULLS FIRST;

-- rank_cross_tuples.pig:7
CREATE TEMPORARY VIEW a AS
SELECT
  clicks,
  city
FROM `rows`;

-- rank_cross_tuples.pig:8
CREATE TEMPORARY VIEW b AS
SELECT
  city,
  name
FROM `rows`;

-- rank_cross_tuples.pig:9
-- rank_cross_tuples.pig:10
CREATE TEMPORARY VIEW pairs AS
SELECT
  a.city AS `group`,
  a.clicks,
  a.city,
  b.city AS x_b_city,
  b.name,
  a_per_key.`count` * b_per_key.count_star AS n
FROM a AS a
JOIN b AS b ON a.city = b.city
LEFT JOIN (
  SELECT
    city AS group_key,
    COUNT(clicks) AS `count`
  FROM a
  GROUP BY city
) AS a_per_key ON a.city IS NOT DISTINCT FROM a_per_key.group_key
LEFT JOIN (
  SELECT
    city AS group_key,
    COUNT(*) AS count_star
  FROM b
  GROUP BY city
) AS b_per_key ON a.city = b_per_key.group_key;

-- rank_cross_tuples.pig:11
CREATE TEMPORARY TABLE pairs_store (
  `group` STRING,
  clicks INT,
  city STRING,
  x_b_city STRING,
  name STRING,
  n BIGINT
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

-- rank_cross_tuples.pig:12
CREATE TEMPORARY VIEW t AS
SELECT
  name,
  ROW(clicks, city) AS pair
FROM `rows`;

-- rank_cross_tuples.pig:13
CREATE TEMPORARY VIEW f AS
SELECT
  pair.`EXPR$0` AS clicks,
  pair.`EXPR$1` AS city,
  PIG_STRSPLIT(name, '-', 2)[1] AS first,
  PIG_STRSPLIT(name, '-', 2)[2] AS rest
FROM t;

-- rank_cross_tuples.pig:14
CREATE TEMPORARY TABLE f_store (
  clicks INT,
  city STRING,
  first STRING,
  rest STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/flat',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO f_store
SELECT *
FROM f;
