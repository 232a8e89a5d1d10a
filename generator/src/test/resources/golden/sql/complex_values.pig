-- Tuple, bag and map constructors, map lookup, a GROUP stored as it is, f(*) and x.$n.
rows = LOAD '$INPUT' USING PigStorage('\t') AS (name:chararray, attrs:map[], n:int);
built = FOREACH rows GENERATE name, attrs#'city' AS city, (name, n) AS pair, {(name), (name)} AS names,
    {(name, n), (name, 0)} AS pairs, TOMAP('n', n) AS counts, ['k'#1, 'j'#2] AS constant, TOTUPLE(*) AS everything;
looked = FOREACH built GENERATE name, counts#'n' + 1 AS next, city;
STORE looked INTO '$OUTPUT/looked';
by_city = GROUP rows BY attrs#'city';
STORE by_city INTO '$OUTPUT/by_city';
everyone = GROUP rows ALL;
total = FOREACH everyone GENERATE COUNT(rows) AS n, MAX(rows.n) AS top;
share = FOREACH rows GENERATE name, (double) n / total.$0 AS share, total.top;
STORE share INTO '$OUTPUT/share';
STORE built INTO '$OUTPUT/built';
named = FOREACH rows GENERATE attrs#'city' AS city, name;
big = FILTER rows BY n > 2;
counted = FOREACH big GENERATE attrs#'city' AS city, n;
both = COGROUP named BY city, counted BY city;
STORE both INTO '$OUTPUT/both';
