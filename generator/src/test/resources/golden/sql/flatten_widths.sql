-- Flink SQL batch job translated by Ferry from flatten_widths.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- flatten_widths.pig:3
CREATE TEMPORARY TABLE `rows` (
  s STRING,
  n INT,
  t STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'events',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- flatten_widths.pig:3
CREATE TEMPORARY VIEW rows_2 AS
SELECT
  s,
  n,
  PIG_LOAD_AS(t, 'T(i,c)') AS t
FROM `rows`;

-- flatten_widths.pig:4
CREATE TEMPORARY VIEW pieces AS
SELECT ARRAY_CONCAT(COALESCE(PIG_STRSPLIT(s, ','), ARRAY[CAST(NULL AS STRING)]), ARRAY[CAST(n AS STRING)]) AS fields
FROM rows_2;

-- flatten_widths.pig:5
CREATE TEMPORARY VIEW firstTwo AS
SELECT
  fields[1] AS expr,
  fields[2] AS expr_2
FROM pieces;

-- flatten_widths.pig:6
-- flatten_widths.pig:7
CREATE TEMPORARY VIEW counts AS
SELECT
  fields[1] AS `group`,
  COUNT(fields[1]) AS count_pieces
FROM pieces
GROUP BY fields[1];

-- flatten_widths.pig:8
CREATE TEMPORARY VIEW matched AS
SELECT ARRAY_CONCAT(ARRAY[CAST(n AS STRING)], COALESCE(PIG_REGEX_EXTRACT_ALL(s, '(\S+) (\S+)'), ARRAY[CAST(NULL AS STRING)]), ARRAY[s]) AS fields
FROM rows_2;

-- flatten_widths.pig:9
CREATE TEMPORARY VIEW pairs AS
SELECT
  t.`EXPR$0` AS a,
  t.`EXPR$1` AS b,
  n
FROM rows_2;

-- flatten_widths.pig:10
CREATE TEMPORARY TABLE pieces_store (
  fields STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'pieces',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO pieces_store
SELECT ARRAY_JOIN(fields, CHR(9), '') AS fields
FROM pieces;

-- flatten_widths.pig:11
CREATE TEMPORARY TABLE firstTwo_store (
  expr STRING,
  expr_2 STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'first_two',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO firstTwo_store
SELECT *
FROM firstTwo;

-- flatten_widths.pig:12
CREATE TEMPORARY TABLE counts_store (
  `group` STRING,
  count_pieces BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = 'counts',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO counts_store
SELECT *
FROM counts;

-- flatten_widths.pig:13
CREATE TEMPORARY TABLE matched_store (
  fields STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'matched',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

INSERT INTO matched_store
SELECT ARRAY_JOIN(fields, ',', '') AS fields
FROM matched;

-- flatten_widths.pig:14
CREATE TEMPORARY TABLE pairs_store (
  a INT,
  b STRING,
  n INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'pairs',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO pairs_store
SELECT *
FROM pairs;

-- flatten_widths.pig:16
CREATE TEMPORARY TABLE attrs (
  id INT,
  m MAP<STRING, STRING>
) WITH (
  'connector' = 'pig-files',
  'path' = 'attrs',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- flatten_widths.pig:17
CREATE TEMPORARY VIEW entries AS
SELECT ARRAY_CONCAT(ARRAY[CAST(id AS STRING)], CASE WHEN m IS NULL THEN ARRAY[CAST(NULL AS STRING)] ELSE ARRAY[entry1.map_key, entry1.map_value] END) AS fields
FROM attrs
CROSS JOIN UNNEST(COALESCE(m, CAST(MAP['', ''] AS MAP<STRING, STRING>))) AS entry1 (map_key, map_value);

-- flatten_widths.pig:18
CREATE TEMPORARY TABLE entries_store (
  fields STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'entries',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO entries_store
SELECT ARRAY_JOIN(fields, CHR(9), '') AS fields
FROM entries;

-- flatten_widths.pig:20
CREATE TEMPORARY VIEW late AS
SELECT ARRAY_CONCAT(CASE WHEN CASE WHEN n > 5 THEN NULL WHEN NOT n > 5 THEN t END IS NULL THEN ARRAY[CAST(NULL AS STRING)] ELSE ARRAY[CAST(t.`EXPR$0` AS STRING), t.`EXPR$1`] END, ARRAY[CAST(n AS STRING)]) AS fields
FROM rows_2;

-- flatten_widths.pig:21
CREATE TEMPORARY VIEW early AS
SELECT
  n,
  CASE WHEN n > 5 THEN t.`EXPR$0` END AS a,
  CASE WHEN n > 5 THEN t.`EXPR$1` END AS b
FROM rows_2;

-- flatten_widths.pig:22
CREATE TEMPORARY TABLE late_store (
  fields STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'late',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO late_store
SELECT ARRAY_JOIN(fields, CHR(9), '') AS fields
FROM late;

-- flatten_widths.pig:23
CREATE TEMPORARY TABLE early_store (
  n INT,
  a INT,
  b STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'early',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO early_store
SELECT *
FROM early;

-- flatten_widths.pig:25
CREATE TEMPORARY TABLE `raw` (
  line STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'raw',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\x0a'
);

-- flatten_widths.pig:26
CREATE TEMPORARY VIEW cells AS
SELECT NULLIF(line_fields.line_field, '') AS line_field
FROM `raw`
CROSS JOIN UNNEST(SPLIT(line, CHR(9))) AS line_fields (line_field);

-- flatten_widths.pig:27
CREATE TEMPORARY TABLE cells_store (
  line_field STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'cells',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO cells_store
SELECT *
FROM cells;
