-- Flink SQL batch job translated by Ferry from nested_views.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- nested_views.pig:3
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

-- nested_views.pig:4
CREATE TEMPORARY TABLE users (
  name STRING,
  city STRING,
  age INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'users',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- nested_views.pig:9
CREATE TEMPORARY VIEW pairs_both AS
SELECT
  recent.`user` AS group_key,
  recent.`user`,
  recent.url,
  recent.ts,
  adults.name,
  adults.city,
  adults.age
FROM (
  SELECT *
  FROM visits
  WHERE ts > CAST(100 AS BIGINT)
) AS recent
JOIN (
  SELECT *
  FROM users
  WHERE age >= 18
) AS adults ON recent.`user` = adults.name;

-- nested_views.pig:5
-- nested_views.pig:6
CREATE TEMPORARY VIEW pairs AS
SELECT
  `both`.group_key AS `group`,
  `both`.`user`,
  `both`.url,
  `both`.ts,
  `both`.name,
  `both`.city,
  `both`.age,
  COALESCE(visits.`count`, CAST(0 AS BIGINT)) AS n
FROM pairs_both AS `both`
LEFT JOIN (
  SELECT
    `user` AS group_key,
    COUNT(`user`) AS `count`
  FROM visits
  GROUP BY `user`
) AS visits ON `both`.group_key IS NOT DISTINCT FROM visits.group_key;

-- nested_views.pig:12
CREATE TEMPORARY TABLE pairs_store (
  `group` STRING,
  `user` STRING,
  url STRING,
  ts BIGINT,
  name STRING,
  city STRING,
  age INT,
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

-- nested_views.pig:14
CREATE TEMPORARY VIEW sites_urls AS
SELECT DISTINCT
  `user` AS group_key,
  url
FROM visits;

-- nested_views.pig:5
-- nested_views.pig:13
CREATE TEMPORARY VIEW sites AS
SELECT
  COALESCE(visits.group_key, users.group_key) AS `group`,
  COALESCE(urls.bag, ARRAY_SLICE(ARRAY[CAST(NULL AS ROW<f0 STRING>)], 2, 1)) AS urls,
  visits.max_ts AS last
FROM (
  SELECT
    `user` AS group_key,
    MAX(ts) AS max_ts
  FROM visits
  GROUP BY `user`
) AS visits
LEFT JOIN (
  SELECT
    group_key,
    CAST(ARRAY_AGG(ROW(url)) AS ARRAY<ROW<f0 STRING>>) AS bag
  FROM sites_urls
  GROUP BY group_key
) AS urls ON visits.group_key IS NOT DISTINCT FROM urls.group_key
FULL JOIN (
  SELECT name AS group_key
  FROM users
  GROUP BY name
) AS users ON visits.group_key = users.group_key;

-- nested_views.pig:17
CREATE TEMPORARY TABLE sites_store (
  `group` STRING,
  urls STRING,
  last BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/sites',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO sites_store
SELECT
  `group`,
  PIG_TEXT(urls) AS urls,
  last
FROM sites;

-- nested_views.pig:20
CREATE TEMPORARY VIEW first_urls AS
SELECT DISTINCT
  `user`,
  url
FROM visits;

-- nested_views.pig:21
CREATE TEMPORARY VIEW first_two AS
SELECT
  `user`,
  url
FROM (
  SELECT
    `user`,
    url,
    ROW_NUMBER() OVER (PARTITION BY `user` ORDER BY url ASC NULLS FIRST) AS row_in_group
  FROM first_urls
) AS numbered
WHERE row_in_group <= 2;

-- nested_views.pig:18
-- nested_views.pig:19
CREATE TEMPORARY VIEW first AS
SELECT
  visits.`user` AS `group`,
  COALESCE(two.bag, ARRAY_SLICE(ARRAY[CAST(NULL AS ROW<f0 STRING>)], 2, 1)) AS two
FROM (
  SELECT `user`
  FROM visits
  GROUP BY `user`
) AS visits
LEFT JOIN (
  SELECT
    `user`,
    CAST(ARRAY_AGG(ROW(url)) AS ARRAY<ROW<f0 STRING>>) AS bag
  FROM first_two
  GROUP BY `user`
) AS two ON visits.`user` IS NOT DISTINCT FROM two.`user`;

-- nested_views.pig:24
CREATE TEMPORARY TABLE first_store (
  `group` STRING,
  two STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/first',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO first_store
SELECT
  `group`,
  PIG_TEXT(two) AS two
FROM first;

-- nested_views.pig:25
CREATE TEMPORARY VIEW `unique` AS
SELECT DISTINCT *
FROM visits;

-- nested_views.pig:26
CREATE TEMPORARY VIEW numbered AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY PIG_SHUFFLE_TUPLE(`user`, url, ts) ASC NULLS LAST) AS BIGINT) AS rank_unique,
  *
FROM `unique`;

-- nested_views.pig:27
CREATE TEMPORARY TABLE numbered_store (
  rank_unique BIGINT,
  `user` STRING,
  url STRING,
  ts BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/numbered',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- nested_views.pig:26
INSERT INTO numbered_store
SELECT *
FROM numbered
ORDER BY rank_unique ASC NULLS FIRST;

-- nested_views.pig:18
-- nested_views.pig:28
CREATE TEMPORARY VIEW counts AS
SELECT
  `user`,
  COUNT(`user`) AS n
FROM visits
GROUP BY `user`;

-- nested_views.pig:29
CREATE TEMPORARY VIEW ranked AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY PIG_SHUFFLE_KEY(`user`) ASC NULLS LAST) AS BIGINT) AS rank_counts,
  *
FROM counts;

-- nested_views.pig:30
CREATE TEMPORARY TABLE ranked_store (
  rank_counts BIGINT,
  `user` STRING,
  n BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/ranked',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- nested_views.pig:29
INSERT INTO ranked_store
SELECT *
FROM ranked
ORDER BY rank_counts ASC NULLS FIRST;

-- nested_views.pig:33
CREATE TEMPORARY VIEW latest_last AS
SELECT
  group_key,
  `user`,
  url,
  ts
FROM (
  SELECT
    `user` AS group_key,
    `user`,
    url,
    ts,
    ROW_NUMBER() OVER (PARTITION BY `user` ORDER BY ts DESC NULLS LAST) AS row_in_group
  FROM visits
) AS numbered
WHERE row_in_group <= 1;

-- nested_views.pig:5
-- nested_views.pig:31
CREATE TEMPORARY VIEW latest AS
SELECT
  last.group_key AS `group`,
  last.`user`,
  last.url,
  last.ts,
  COALESCE(users.`count`, CAST(0 AS BIGINT)) AS n
FROM latest_last AS last
LEFT JOIN (
  SELECT
    name AS group_key,
    COUNT(name) AS `count`
  FROM users
  GROUP BY name
) AS users ON last.group_key = users.group_key;

-- nested_views.pig:36
CREATE TEMPORARY TABLE latest_store (
  `group` STRING,
  `user` STRING,
  url STRING,
  ts BIGINT,
  n BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/latest',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO latest_store
SELECT *
FROM latest;
