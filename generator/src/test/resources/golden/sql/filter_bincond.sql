-- Flink SQL batch job translated by Ferry from filter_bincond.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   MIN_MS
--   OUTPUT

-- filter_bincond.pig:2
CREATE TEMPORARY TABLE clicks (
  `user` STRING,
  page STRING,
  ms INT,
  price DOUBLE
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

-- filter_bincond.pig:3
CREATE TEMPORARY VIEW kept AS
SELECT *
FROM clicks
WHERE ms >= ${MIN_MS} AND NOT page = 'health';

-- filter_bincond.pig:4
CREATE TEMPORARY VIEW shaped AS
SELECT
  `user`,
  ms / 1000 AS secs,
  CAST(ms AS BIGINT) * 2 AS doubled,
  CASE WHEN price > 10.0E0 THEN 'big' WHEN NOT price > 10.0E0 THEN 'small' END AS size,
  PIG_CHARARRAY(price) AS price_text
FROM kept;

-- filter_bincond.pig:6
CREATE TEMPORARY TABLE shaped_store (
  `user` STRING,
  secs INT,
  doubled BIGINT,
  size STRING,
  price_text STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ',',
  'compression' = 'by-extension'
);

INSERT INTO shaped_store
SELECT *
FROM shaped;
