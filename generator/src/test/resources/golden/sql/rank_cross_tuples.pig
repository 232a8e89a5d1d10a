-- RANK without BY of an ORDER ... LIMIT, a nested CROSS of a COGROUP's bags, FLATTEN of tuples.
rows = LOAD 'in' USING PigStorage('\t') AS (name:chararray, clicks:int, city:chararray);
o = ORDER rows BY clicks DESC, name;
top = LIMIT o 3;
ranked = RANK top;
STORE ranked INTO 'out/ranked';
a = FOREACH rows GENERATE clicks, city;
b = FOREACH rows GENERATE city, name;
g = COGROUP a BY city, b BY city;
pairs = FOREACH g { x = CROSS a, b; GENERATE group, FLATTEN(x), COUNT(x) AS n; };
STORE pairs INTO 'out/pairs';
t = FOREACH rows GENERATE name, (clicks, city) AS pair;
f = FOREACH t GENERATE FLATTEN(pair), FLATTEN(STRSPLIT(name, '-', 2)) AS (first:chararray, rest:chararray);
STORE f INTO 'out/flat';
