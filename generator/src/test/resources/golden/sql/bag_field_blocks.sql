-- Flink SQL batch job translated by Ferry from bag_field_blocks.pig.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

-- bag_field_blocks.pig:4
CREATE TEMPORARY TABLE orders (
  id INT,
  customer STRING,
  items STRING
) WITH (
  'connector' = 'pig-files',
  'path' = 'orders',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

-- bag_field_blocks.pig:4
CREATE TEMPORARY VIEW orders_2 AS
SELECT
  id,
  customer,
  PIG_LOAD_AS(items, 'B(c,i)') AS items
FROM orders;

-- bag_field_blocks.pig:5
CREATE TEMPORARY VIEW summary_items AS
SELECT
  numbered.row_id,
  numbered.id,
  numbered.customer,
  CARDINALITY(numbered.items) > 0 AS is_tuple,
  t.sku,
  t.qty
FROM (
  SELECT
    ROW_NUMBER() OVER (ORDER BY id ASC NULLS LAST, customer ASC NULLS LAST, CAST(items AS STRING) ASC NULLS LAST) AS row_id,
    *
  FROM orders_2
) AS numbered
LEFT JOIN UNNEST(numbered.items) AS t (sku, qty) ON TRUE;

-- bag_field_blocks.pig:5
CREATE TEMPORARY VIEW summary AS
SELECT
  items.id,
  items.customer,
  COALESCE(items.`count`, CAST(0 AS BIGINT)) AS big_lines,
  items.sum_qty AS big_qty,
  COALESCE(items.count_sku, CAST(0 AS BIGINT)) AS skus,
  COALESCE(items.count_star, CAST(0 AS BIGINT)) = 0 AS small
FROM (
  SELECT
    row_id,
    id,
    customer,
    COUNT(sku) FILTER (WHERE is_tuple AND qty > 1) AS `count`,
    SUM(CAST(qty AS BIGINT)) FILTER (WHERE is_tuple AND qty > 1) AS sum_qty,
    COUNT(DISTINCT sku) FILTER (WHERE is_tuple) AS count_sku,
    COUNT(*) FILTER (WHERE is_tuple AND qty > 1) AS count_star
  FROM summary_items
  GROUP BY row_id, id, customer
) AS items;

-- bag_field_blocks.pig:10
CREATE TEMPORARY TABLE summary_store (
  id INT,
  customer STRING,
  big_lines BIGINT,
  big_qty BIGINT,
  skus BIGINT,
  small BOOLEAN
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/summary',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO summary_store
SELECT *
FROM summary;

-- bag_field_blocks.pig:11
CREATE TEMPORARY VIEW top_items AS
SELECT
  numbered.row_id,
  numbered.id,
  CARDINALITY(numbered.items) > 0 AS is_tuple,
  t.sku,
  t.qty
FROM (
  SELECT
    ROW_NUMBER() OVER (ORDER BY id ASC NULLS LAST, customer ASC NULLS LAST, CAST(items AS STRING) ASC NULLS LAST) AS row_id,
    *
  FROM orders_2
) AS numbered
LEFT JOIN UNNEST(numbered.items) AS t (sku, qty) ON TRUE;

-- bag_field_blocks.pig:12
-- bag_field_blocks.pig:13
CREATE TEMPORARY VIEW top_first AS
SELECT
  sku,
  qty,
  row_id,
  id,
  is_tuple
FROM (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY row_id, id ORDER BY qty DESC NULLS LAST) AS row_in_group
  FROM top_items
  WHERE is_tuple
) AS numbered
WHERE row_in_group <= 1;

-- bag_field_blocks.pig:11
CREATE TEMPORARY VIEW top AS
SELECT
  first.id,
  first.sku,
  first.qty
FROM top_first AS first;

-- bag_field_blocks.pig:16
CREATE TEMPORARY TABLE top_store (
  id INT,
  sku STRING,
  qty INT
) WITH (
  'connector' = 'pig-files',
  'path' = 'out/top',
  'format' = 'pig-storage',
  'pig-storage.field-delimiter' = '\t'
);

INSERT INTO top_store
SELECT *
FROM top;
