-- Flink SQL batch job translated by Ferry from rank_numbered.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- rank_numbered.pig:2
CREATE TEMPORARY TABLE `rows` (
  name STRING,
  n INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'in',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- rank_numbered.pig:2
CREATE TEMPORARY TABLE rows_numbered (
  name STRING,
  n INT,
  file_path STRING METADATA FROM 'file.path' VIRTUAL,
  file_size BIGINT METADATA FROM 'file.size' VIRTUAL,
  record_number BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'in',
  'format' = 'pig-storage-numbered',
  'pig-storage-numbered.field-delimiter' = '\t'
);

-- rank_numbered.pig:3
CREATE TEMPORARY VIEW kept_numbered AS
SELECT
  name,
  n,
  file_path,
  file_size,
  record_number
FROM rows_numbered
WHERE n > 1;

-- rank_numbered.pig:4
CREATE TEMPORARY VIEW numbered AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY file_size DESC NULLS LAST, file_path ASC NULLS LAST, record_number ASC NULLS LAST) AS BIGINT) AS rank_kept,
  name,
  n
FROM kept_numbered;

-- rank_numbered.pig:5
CREATE TEMPORARY TABLE numbered_store (
  rank_kept BIGINT,
  name STRING,
  n INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/numbered',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- rank_numbered.pig:4
INSERT INTO numbered_store
SELECT *
FROM numbered
ORDER BY rank_kept ASC NULLS FIRST;

-- rank_numbered.pig:6
CREATE TEMPORARY TABLE baskets_numbered (
  id INT,
  items STRING,
  tags STRING,
  file_path STRING METADATA FROM 'file.path' VIRTUAL,
  file_size BIGINT METADATA FROM 'file.size' VIRTUAL,
  record_number BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'baskets',
  'format' = 'pig-storage-numbered',
  'pig-storage-numbered.field-delimiter' = '\t'
);

-- rank_numbered.pig:6
CREATE TEMPORARY VIEW baskets_2_numbered AS
SELECT
  id,
  PIG_LOAD_AS(items, 'B(c,i)') AS items,
  PIG_LOAD_AS(tags, 'B(c)') AS tags,
  file_path,
  file_size,
  record_number
FROM baskets_numbered;

-- rank_numbered.pig:7
CREATE TEMPORARY VIEW pairs_numbered AS
SELECT
  id,
  items_2.sku,
  items_2.qty,
  tags_2.tag,
  file_path,
  file_size,
  record_number,
  items_2_position,
  tags_2_position
FROM baskets_2_numbered
CROSS JOIN UNNEST(COALESCE(CAST(items AS ARRAY<ROW<f0 STRING, f1 INT>>), ARRAY[CAST(ROW(CAST(NULL AS STRING), CAST(NULL AS INT)) AS ROW<f0 STRING, f1 INT>)])) WITH ORDINALITY AS items_2 (sku, qty, items_2_position)
CROSS JOIN UNNEST(COALESCE(CAST(tags AS ARRAY<ROW<f0 STRING>>), ARRAY[CAST(ROW(CAST(NULL AS STRING)) AS ROW<f0 STRING>)])) WITH ORDINALITY AS tags_2 (tag, tags_2_position);

-- rank_numbered.pig:8
CREATE TEMPORARY VIEW ranked_pairs AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY file_size DESC NULLS LAST, file_path ASC NULLS LAST, record_number ASC NULLS LAST, items_2_position ASC NULLS LAST, tags_2_position ASC NULLS LAST) AS BIGINT) AS rank_pairs,
  id,
  sku,
  qty,
  tag
FROM pairs_numbered;

-- rank_numbered.pig:9
CREATE TEMPORARY TABLE ranked_pairs_store (
  rank_pairs BIGINT,
  id INT,
  sku STRING,
  qty INT,
  tag STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/pairs',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- rank_numbered.pig:8
INSERT INTO ranked_pairs_store
SELECT *
FROM ranked_pairs
ORDER BY rank_pairs ASC NULLS FIRST;

-- rank_numbered.pig:10
CREATE TEMPORARY VIEW some_numbered AS
SELECT
  name,
  n,
  file_path,
  file_size,
  record_number
FROM rows_numbered
WHERE RAND() < 0.1E0;

-- rank_numbered.pig:11
CREATE TEMPORARY VIEW ranked_sample AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY file_size DESC NULLS LAST, file_path ASC NULLS LAST, record_number ASC NULLS LAST) AS BIGINT) AS rank_some,
  name,
  n
FROM some_numbered;

-- rank_numbered.pig:12
CREATE TEMPORARY TABLE ranked_sample_store (
  rank_some BIGINT,
  name STRING,
  n INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/sample',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- rank_numbered.pig:11
INSERT INTO ranked_sample_store
SELECT *
FROM ranked_sample
ORDER BY rank_some ASC NULLS FIRST;

-- rank_numbered.pig:13
CREATE TEMPORARY VIEW by_two AS
SELECT
  ROW(name, n) AS `group`,
  ARRAY_AGG(ROW(name, n)) AS `rows`
FROM `rows`
GROUP BY name, n;

-- rank_numbered.pig:14
CREATE TEMPORARY VIEW ranked_groups AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY PIG_SHUFFLE_TUPLE(`group`.`EXPR$0`, `group`.`EXPR$1`) ASC NULLS LAST) AS BIGINT) AS rank_by_two,
  *
FROM by_two;

-- rank_numbered.pig:15
CREATE TEMPORARY TABLE ranked_groups_store (
  rank_by_two BIGINT,
  `group` STRING,
  `rows` STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/groups',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- rank_numbered.pig:14
INSERT INTO ranked_groups_store
SELECT
  rank_by_two,
  PIG_TEXT(`group`) AS `group`,
  PIG_TEXT(`rows`) AS `rows`
FROM ranked_groups
ORDER BY rank_by_two ASC NULLS FIRST;

-- rank_numbered.pig:16
CREATE TEMPORARY TABLE events_numbered (
  id INT,
  kind STRING,
  file_path STRING METADATA FROM 'file.path' VIRTUAL,
  file_size BIGINT METADATA FROM 'file.size' VIRTUAL,
  record_number BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'events',
  'format' = 'json-numbered'
);

-- rank_numbered.pig:17
CREATE TEMPORARY VIEW ranked_events AS
SELECT
  CAST(ROW_NUMBER() OVER (ORDER BY file_size DESC NULLS LAST, file_path ASC NULLS LAST, record_number ASC NULLS LAST) AS BIGINT) AS rank_events,
  id,
  kind
FROM events_numbered;

-- rank_numbered.pig:18
CREATE TEMPORARY TABLE ranked_events_store (
  rank_events BIGINT,
  id INT,
  kind STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/events',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- rank_numbered.pig:17
INSERT INTO ranked_events_store
SELECT *
FROM ranked_events
ORDER BY rank_events ASC NULLS FIRST;
