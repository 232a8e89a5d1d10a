-- Nested blocks over a bag field of a plain relation, not a GROUP's bag: each row is a group of its own (numbered,
-- so that equal rows stay apart), its bag's tuples unnested beside it (a row whose bag is empty or null keeps one
-- row, not a tuple: is_tuple is false there).
orders = LOAD 'orders' USING PigStorage('\t') AS (id:int, customer:chararray, items:bag{t:(sku:chararray, qty:int)});
summary = FOREACH orders {
    big = FILTER items BY qty > 1;
    skus = DISTINCT items.sku;
    GENERATE id, customer, COUNT(big) AS big_lines, SUM(big.qty) AS big_qty, COUNT(skus) AS skus, IsEmpty(big) AS small;
};
STORE summary INTO 'out/summary';
top = FOREACH orders {
    sorted = ORDER items BY qty DESC;
    first = LIMIT sorted 1;
    GENERATE id, FLATTEN(first);
};
STORE top INTO 'out/top';
