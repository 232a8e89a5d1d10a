-- Flink SQL batch job translated by Ferry from dump.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   OUTPUT

-- dump.pig:2
CREATE TEMPORARY TABLE visits (
  `user` STRING,
  url STRING,
  ms BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

-- dump.pig:3
-- dump.pig:4
CREATE TEMPORARY VIEW totals AS
SELECT
  `user`,
  SUM(ms) AS ms,
  ARRAY_AGG(ROW(url)) AS urls
FROM visits
GROUP BY `user`;

-- dump.pig:6
CREATE TEMPORARY TABLE ranked_dump (
  `user` STRING,
  ms BIGINT,
  urls STRING
) WITH (
  'connector' = 'pig-dump'
);

-- dump.pig:5
INSERT INTO ranked_dump
SELECT
  `user`,
  ms,
  PIG_TEXT(urls) AS urls
FROM totals
ORDER BY ms DESC NULLS LAST;

-- dump.pig:7
CREATE TEMPORARY VIEW slow AS
SELECT *
FROM visits
WHERE ms > 1000;

-- dump.pig:8
CREATE TEMPORARY TABLE slow_dump (
  `user` STRING,
  url STRING,
  ms BIGINT
) WITH (
  'connector' = 'pig-dump'
);

INSERT INTO slow_dump
SELECT *
FROM slow;

-- dump.pig:9
CREATE TEMPORARY TABLE totals_store (
  `user` STRING,
  ms BIGINT,
  urls STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce',
  'compression' = 'by-extension'
);

INSERT INTO totals_store
SELECT
  `user`,
  ms,
  PIG_TEXT(urls) AS urls
FROM totals
ORDER BY PIG_SHUFFLE_KEY(`user`) ASC NULLS LAST;
