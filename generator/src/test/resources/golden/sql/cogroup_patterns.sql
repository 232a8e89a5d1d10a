-- Flink SQL batch job translated by Ferry from cogroup_patterns.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
-- Parameters:
--   INPUT
--   OUTPUT

-- cogroup_patterns.pig:2
CREATE TEMPORARY TABLE users (
  id INT,
  name STRING,
  country STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}/users',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

-- cogroup_patterns.pig:3
CREATE TEMPORARY TABLE orders (
  user_id INT,
  amount DOUBLE
) WITH (
  'connector' = 'pig-files',
  'path' = '${INPUT}/orders',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ','
);

-- cogroup_patterns.pig:5
-- cogroup_patterns.pig:6
CREATE TEMPORARY VIEW counts AS
SELECT
  COALESCE(users.group_key, orders.group_key) AS id,
  COALESCE(users.`count`, CAST(0 AS BIGINT)) AS profiles,
  COALESCE(orders.`count`, CAST(0 AS BIGINT)) AS orders,
  orders.sum_amount AS spent
FROM (
  SELECT
    id AS group_key,
    COUNT(id) AS `count`
  FROM users
  GROUP BY id
) AS users
FULL JOIN (
  SELECT
    user_id AS group_key,
    COUNT(user_id) AS `count`,
    SUM(amount) AS sum_amount
  FROM orders
  GROUP BY user_id
) AS orders ON users.group_key = orders.group_key;

-- cogroup_patterns.pig:7
CREATE TEMPORARY TABLE counts_store (
  id INT,
  profiles BIGINT,
  orders BIGINT,
  spent DOUBLE
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/counts',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ',',
  'task' = 'reduce'
);

INSERT INTO counts_store
SELECT *
FROM counts;

-- cogroup_patterns.pig:5
-- cogroup_patterns.pig:9
-- cogroup_patterns.pig:10
CREATE TEMPORARY VIEW idle AS
SELECT
  users.id,
  users.name,
  users.country
FROM users AS users
LEFT JOIN (
  SELECT
    user_id AS group_key,
    COUNT(*) AS n
  FROM orders
  GROUP BY user_id
) AS orders ON users.id = orders.group_key
WHERE orders.n IS NULL;

-- cogroup_patterns.pig:11
CREATE TEMPORARY TABLE idle_store (
  id INT,
  name STRING,
  country STRING
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/idle',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ',',
  'task' = 'reduce'
);

INSERT INTO idle_store
SELECT *
FROM idle;

-- cogroup_patterns.pig:13
-- cogroup_patterns.pig:14
CREATE TEMPORARY VIEW ranked AS
SELECT
  users.id,
  users.name,
  users.country,
  users_per_key.`count` AS named_in_country
FROM users AS users
LEFT JOIN (
  SELECT
    country,
    COUNT(id) FILTER (WHERE name IS NOT NULL) AS `count`
  FROM users
  GROUP BY country
) AS users_per_key ON users.country IS NOT DISTINCT FROM users_per_key.country;

-- cogroup_patterns.pig:18
CREATE TEMPORARY TABLE ranked_store (
  id INT,
  name STRING,
  country STRING,
  named_in_country BIGINT
) WITH (
  'connector' = 'pig-files',
  'path' = '${OUTPUT}/ranked',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = ',',
  'task' = 'reduce'
);

INSERT INTO ranked_store
SELECT *
FROM ranked;
