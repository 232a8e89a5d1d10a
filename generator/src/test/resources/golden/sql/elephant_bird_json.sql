-- Flink SQL batch job translated by Ferry from elephant_bird_json.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   DAY

-- elephant_bird_json.pig:4
CREATE TEMPORARY TABLE tweets (
  json MAP<STRING, STRING>
) WITH (
  'connector' = 'pig-files',
  'path' = '/data/tweets/${DAY}',
  'format' = 'elephant-bird-json'
);

-- elephant_bird_json.pig:5
CREATE TEMPORARY TABLE users (
  f0 MAP<STRING, STRING>
) WITH (
  'connector' = 'pig-files',
  'path' = '/data/users',
  'format' = 'elephant-bird-json',
  'elephant-bird-json.nested-load' = 'true'
);

-- elephant_bird_json.pig:6
CREATE TEMPORARY VIEW texts AS
SELECT
  json['text'] AS text,
  json['user'] AS `user`
FROM tweets;

-- elephant_bird_json.pig:7
CREATE TEMPORARY VIEW names AS
SELECT
  f0['name'] AS name,
  PIG_TEXT_MAP(f0['address'])['city'] AS city
FROM users;

-- elephant_bird_json.pig:8
CREATE TEMPORARY TABLE texts_store (
  text STRING,
  `user` STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '/out/texts/${DAY}',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'compression' = 'by-extension'
);

INSERT INTO texts_store
SELECT *
FROM texts;

-- elephant_bird_json.pig:9
CREATE TEMPORARY TABLE names_store (
  name STRING,
  city STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '/out/names',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO names_store
SELECT *
FROM names;
