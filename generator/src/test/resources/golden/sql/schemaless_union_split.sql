-- Flink SQL batch job translated by Ferry from schemaless_union_split.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   OUTPUT

-- schemaless_union_split.pig:2
CREATE TEMPORARY TABLE `raw` (
  line STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}/events',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\x0a'
);

-- schemaless_union_split.pig:3
CREATE TEMPORARY TABLE typed (
  `user` STRING,
  clicks INT,
  `day` STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}/more',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- schemaless_union_split.pig:4
CREATE TEMPORARY VIEW valid AS
SELECT *
FROM `raw`
WHERE PIG_INT(CAST(NULLIF(SPLIT_INDEX(line, CHR(9), 1), '') AS BYTES)) > 0;

-- schemaless_union_split.pig:5
CREATE TEMPORARY TABLE valid_store (
  line STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/valid',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

INSERT INTO valid_store
SELECT REPLACE(line, CHR(9), ',') AS line
FROM valid;

-- schemaless_union_split.pig:7
CREATE TEMPORARY VIEW projected AS
SELECT
  NULLIF(SPLIT_INDEX(line, CHR(9), 0), '') AS `user`,
  PIG_INT(CAST(NULLIF(SPLIT_INDEX(line, CHR(9), 1), '') AS BYTES)) AS clicks,
  NULLIF(SPLIT_INDEX(line, CHR(9), 2), '') AS `day`
FROM `raw`;

-- schemaless_union_split.pig:8
CREATE TEMPORARY VIEW everything AS
SELECT *
FROM projected
UNION ALL
SELECT *
FROM typed;

-- schemaless_union_split.pig:9
CREATE TEMPORARY VIEW heavy AS
SELECT *
FROM everything
WHERE clicks >= 100;

-- schemaless_union_split.pig:9
CREATE TEMPORARY VIEW light AS
SELECT *
FROM everything
WHERE NOT clicks >= 100;

-- schemaless_union_split.pig:10
CREATE TEMPORARY TABLE heavy_store (
  `user` STRING,
  clicks INT,
  `day` STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/heavy',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO heavy_store
SELECT *
FROM heavy;

-- schemaless_union_split.pig:11
CREATE TEMPORARY VIEW lights AS
SELECT
  `user`,
  clicks / NULLIF(clicks - 1, 0) AS ratio
FROM light;

-- schemaless_union_split.pig:12
CREATE TEMPORARY TABLE lights_store (
  `user` STRING,
  ratio INT
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/light',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO lights_store
SELECT *
FROM lights;
