-- Flink SQL batch job translated by Ferry from file_commands.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs the INSERTs before each file command
-- (CALL ferry.fs / ferry.grunt) as one statement set, then the command, as Pig runs the STOREs before one.
-- Parameters:
--   INPUT
--   OUTPUT

-- file_commands.pig:2
CALL ferry.grunt('-rm', '-r', '-f', '${OUTPUT}/stage');

-- file_commands.pig:3
CALL ferry.fs('-put', 'lookup.tsv', '${OUTPUT}/stage/lookup');

-- file_commands.pig:4
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

-- file_commands.pig:5
CREATE TEMPORARY TABLE lookup (
  url STRING,
  site STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/stage/lookup',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- file_commands.pig:6
CREATE TEMPORARY VIEW joined AS
SELECT
  visits.`user`,
  visits.url AS visits_url,
  visits.ms,
  lookup.url AS lookup_url,
  lookup.site
FROM visits
JOIN lookup ON visits.url = lookup.url;

-- file_commands.pig:7
CREATE TEMPORARY TABLE joined_store (
  `user` STRING,
  visits_url STRING,
  ms BIGINT,
  lookup_url STRING,
  site STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/stage/joined',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'task' = 'reduce'
);

INSERT INTO joined_store
SELECT *
FROM joined;

-- file_commands.pig:8
CALL ferry.fs('-mkdir', '-p', '${OUTPUT}/archive');

-- file_commands.pig:9
CALL ferry.grunt('-mv', '${OUTPUT}/stage/joined', '${OUTPUT}/archive/joined');

-- file_commands.pig:10
CREATE TEMPORARY TABLE archived (
  `user` STRING,
  url STRING,
  ms BIGINT,
  url2 STRING,
  site STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/archive/joined',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- file_commands.pig:11
-- file_commands.pig:12
CREATE TEMPORARY VIEW totals AS
SELECT
  site,
  SUM(ms) AS ms
FROM archived
GROUP BY site;

-- file_commands.pig:13
CREATE TEMPORARY TABLE totals_store (
  site STRING,
  ms BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/totals',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

INSERT INTO totals_store
SELECT *
FROM totals
ORDER BY PIG_SHUFFLE_KEY(site) ASC NULLS LAST;

-- file_commands.pig:14
CALL ferry.fs('-touchz', '${OUTPUT}/totals/_DONE');

-- file_commands.pig:15
CALL ferry.fs('-rm', '-r', '-f', '${OUTPUT}/stage');
