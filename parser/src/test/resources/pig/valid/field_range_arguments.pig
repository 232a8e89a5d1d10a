-- A field range among a call's arguments stands for each field it spans.
receipts = LOAD 'receipts' USING PigStorage(',') AS (day:chararray, p1:chararray, p2:chararray, p3:chararray);
products = FOREACH receipts GENERATE day, FLATTEN(TOBAG(p1..)) AS product;
counts = FOREACH (GROUP products BY product) GENERATE group, COUNT(products);
STORE counts INTO 'product_counts';
labels = FOREACH receipts GENERATE CONCAT(p1..p2), TOTUPLE(..p1), TOTUPLE($2..$3), SIZE(TOBAG($1..));
STORE labels INTO 'labels';
