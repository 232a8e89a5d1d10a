-- nested block over a bag field kept through a JOIN: accepted by Pig 0.18 (local mode)
orders = LOAD 'orders' USING PigStorage('\t') AS (id:int, customer:chararray, items:bag{t:(sku:chararray, qty:int)});
customers = LOAD 'customers' USING PigStorage('\t') AS (name:chararray, city:chararray);
joined = JOIN orders BY customer, customers BY name;
largest = FOREACH joined {
    sorted = ORDER items BY qty DESC;
    first = LIMIT sorted 1;
    GENERATE id, city, FLATTEN(first);
};
STORE largest INTO 'out/nested_block_over_joined_bag';
