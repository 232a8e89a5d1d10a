-- Flink SQL batch job translated by Ferry from loaders.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   DAY

-- loaders.pig:2
CREATE TEMPORARY TABLE lines (
  line STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '/data/raw/${DAY}',
  'format' = 'pig-storage',
  'pig-storage.line-as-field' = 'true'
);

-- loaders.pig:3
CREATE TEMPORARY TABLE tagged (
  file STRING METADATA FROM 'file.name' VIRTUAL,
  `user` STRING,
  n INT
) WITH (
  'connector' = 'pig-files',
  'path' = '/data/csv/${DAY}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

-- loaders.pig:4
CREATE TEMPORARY TABLE events (
  `user` STRING,
  `at` STRING,
  n BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = '/data/events/${DAY}',
  'format' = 'pig-json'
);

-- loaders.pig:5
CREATE TEMPORARY VIEW words AS
SELECT
  PIG_TOKENIZE(line) AS words,
  PIG_SIZE(line) AS length
FROM lines;

-- loaders.pig:6
CREATE TEMPORARY VIEW joined AS
SELECT
  tagged.file,
  tagged.`user` AS tagged_user,
  tagged.n AS tagged_n,
  events.`user` AS events_user,
  events.`at`,
  events.n AS events_n
FROM tagged
JOIN events ON tagged.`user` = events.`user`;

-- loaders.pig:7
CREATE TEMPORARY TABLE words_store (
  words STRING,
  length BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = '/out/words/${DAY}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'compression' = 'by-extension'
);

INSERT INTO words_store
SELECT
  PIG_TEXT(words) AS words,
  length
FROM words;

-- loaders.pig:8
CREATE TEMPORARY TABLE joined_store (
  `tagged::file` STRING,
  `tagged::user` STRING,
  `tagged::n` INT,
  `events::user` STRING,
  `events::at` STRING,
  `events::n` BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = '/out/joined/${DAY}',
  'format' = 'json',
  'task' = 'reduce',
  'pig-schema' = 'tagged::file:chararray, tagged::user:chararray, tagged::n:int, events::user:chararray, events::at:chararray, events::n:long'
);

INSERT INTO joined_store
SELECT
  file AS `tagged::file`,
  tagged_user AS `tagged::user`,
  tagged_n AS `tagged::n`,
  events_user AS `events::user`,
  `at` AS `events::at`,
  events_n AS `events::n`
FROM joined;
