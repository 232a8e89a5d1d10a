-- Flink SQL batch job translated by Ferry from big_numbers.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- big_numbers.pig:2
CREATE TEMPORARY TABLE accounts (
  id STRING,
  owner STRING,
  balance STRING,
  visits INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'input/accounts',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- big_numbers.pig:2
CREATE TEMPORARY VIEW accounts_2 AS
SELECT
  PIG_BIGINTEGER(id) AS id,
  owner,
  PIG_BIGDECIMAL(balance) AS balance,
  visits
FROM accounts;

-- big_numbers.pig:3
CREATE TEMPORARY VIEW positive AS
SELECT *
FROM accounts_2
WHERE PIG_BIG_COMPARE(balance, '0') > 0;

-- big_numbers.pig:4
CREATE TEMPORARY VIEW scored AS
SELECT
  id,
  owner,
  PIG_BIGDECIMAL_MULTIPLY(balance, '1.05') AS grown,
  PIG_BIGDECIMAL_DIVIDE(balance, PIG_BIGDECIMAL(visits)) AS per_visit,
  PIG_BIGINTEGER_ADD(id, '1') AS next_id,
  PIG_BIG_TO_DOUBLE(balance) AS approx
FROM positive;

-- big_numbers.pig:5
-- big_numbers.pig:6
CREATE TEMPORARY VIEW totals AS
SELECT
  owner,
  PIG_BIG_SUM(grown) AS total,
  PIG_BIG_AVG(grown) AS average,
  PIG_BIG_MAX(id) AS last_id
FROM scored
GROUP BY owner;

-- big_numbers.pig:8
CREATE TEMPORARY TABLE ranked_store (
  owner STRING,
  total STRING,
  average STRING,
  last_id STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'output/totals',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t',
  'sink.parallelism' = '1',
  'task' = 'reduce'
);

-- big_numbers.pig:7
INSERT INTO ranked_store
SELECT *
FROM totals
ORDER BY PIG_BIG_SORT_KEY(total) DESC NULLS LAST;
