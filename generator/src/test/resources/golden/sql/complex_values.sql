-- Flink SQL batch job translated by Ferry from complex_values.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   OUTPUT

-- complex_values.pig:2
CREATE TEMPORARY TABLE `rows` (
  name STRING,
  attrs MAP<STRING, STRING>,
  n INT
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- complex_values.pig:3
CREATE TEMPORARY VIEW built AS
SELECT
  name,
  attrs['city'] AS city,
  ROW(name, n) AS pair,
  ARRAY[ROW(name), ROW(name)] AS names,
  ARRAY[CAST(ROW(name, n) AS ROW<f0 STRING, f1 INT>), CAST(ROW(name, 0) AS ROW<f0 STRING, f1 INT>)] AS pairs,
  MAP['n', n] AS counts,
  MAP['k', 1, 'j', 2] AS constant,
  ROW(name, attrs, n) AS everything
FROM `rows`;

-- complex_values.pig:5
CREATE TEMPORARY VIEW looked AS
SELECT
  name,
  counts['n'] + 1 AS `next`,
  city
FROM built;

-- complex_values.pig:6
CREATE TEMPORARY TABLE looked_store (
  name STRING,
  `next` INT,
  city STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/looked',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO looked_store
SELECT *
FROM looked;

-- complex_values.pig:7
CREATE TEMPORARY VIEW by_city AS
SELECT
  attrs['city'] AS `group`,
  ARRAY_AGG(ROW(name, attrs, n)) AS `rows`
FROM `rows`
GROUP BY attrs['city'];

-- complex_values.pig:8
CREATE TEMPORARY TABLE by_city_store (
  `group` STRING,
  `rows` STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/by_city',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO by_city_store
SELECT
  `group`,
  PIG_TEXT(`rows`) AS `rows`
FROM by_city;

-- complex_values.pig:9
-- complex_values.pig:10
CREATE TEMPORARY VIEW total AS
SELECT
  COUNT(name) AS n,
  MAX(n) AS top
FROM `rows`
GROUP BY 'all';

-- complex_values.pig:11
CREATE TEMPORARY VIEW share AS
SELECT
  name,
  CAST(n AS DOUBLE) / NULLIF((
  SELECT n
  FROM total
), 0) AS share,
  (
  SELECT top
  FROM total
) AS top
FROM `rows`;

-- complex_values.pig:12
CREATE TEMPORARY TABLE share_store (
  name STRING,
  share DOUBLE,
  top INT
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/share',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO share_store
SELECT *
FROM share;

-- complex_values.pig:13
CREATE TEMPORARY TABLE built_store (
  name STRING,
  city STRING,
  pair STRING,
  names STRING,
  pairs STRING,
  counts STRING,
  constant STRING,
  everything STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/built',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO built_store
SELECT
  name,
  city,
  PIG_TEXT(pair) AS pair,
  PIG_TEXT(names) AS names,
  PIG_TEXT(pairs) AS pairs,
  PIG_TEXT(counts) AS counts,
  PIG_TEXT(constant) AS constant,
  PIG_TEXT(everything) AS everything
FROM built;

-- complex_values.pig:14
CREATE TEMPORARY VIEW named AS
SELECT
  attrs['city'] AS city,
  name
FROM `rows`;

-- complex_values.pig:15
CREATE TEMPORARY VIEW big AS
SELECT *
FROM `rows`
WHERE n > 2;

-- complex_values.pig:16
CREATE TEMPORARY VIEW counted AS
SELECT
  attrs['city'] AS city,
  n
FROM big;

-- complex_values.pig:17
-- complex_values.pig:18
CREATE TEMPORARY VIEW `both` AS
SELECT
  COALESCE(named.group_key, counted.group_key) AS `group`,
  COALESCE(named.bag, ARRAY_SLICE(ARRAY[CAST(NULL AS ROW<f0 STRING, f1 STRING>)], 2, 1)) AS named,
  COALESCE(counted.bag, ARRAY_SLICE(ARRAY[CAST(NULL AS ROW<f0 STRING, f1 INT>)], 2, 1)) AS counted
FROM (
  SELECT
    city AS group_key,
    CAST(ARRAY_AGG(ROW(city, name)) AS ARRAY<ROW<f0 STRING, f1 STRING>>) AS bag
  FROM named
  GROUP BY city
) AS named
FULL JOIN (
  SELECT
    city AS group_key,
    CAST(ARRAY_AGG(ROW(city, n)) AS ARRAY<ROW<f0 STRING, f1 INT>>) AS bag
  FROM counted
  GROUP BY city
) AS counted ON named.group_key = counted.group_key;

-- complex_values.pig:18
CREATE TEMPORARY TABLE both_store (
  `group` STRING,
  named STRING,
  counted STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/both',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO both_store
SELECT
  `group`,
  PIG_TEXT(named) AS named,
  PIG_TEXT(counted) AS counted
FROM `both`;
