-- Pig takes an alias named twice in a CROSS as one input (a JOIN or a UNION it refuses).
items = LOAD 'input/items' AS (id:int, name:chararray);
colors = LOAD 'input/colors' AS (color:chararray);
pairs = CROSS items, items;
triples = CROSS items, colors, items;
STORE pairs INTO 'output/pairs';
STORE triples INTO 'output/triples';
