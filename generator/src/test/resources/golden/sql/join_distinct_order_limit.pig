-- Inner JOIN with :: disambiguation, DISTINCT, ORDER on two keys, LIMIT.
clicks = LOAD '$INPUT' USING PigStorage('\t') AS (user:chararray, page:chararray, ms:int);
users = LOAD '$USERS' USING PigStorage(',') AS (user:chararray, country:chararray);
joined = JOIN clicks BY user, users BY user;
pairs = FOREACH joined GENERATE users::country AS country, clicks::page AS page;
unique_pairs = DISTINCT pairs;
ranked = ORDER unique_pairs BY country ASC, page DESC;
first = LIMIT ranked 5;
STORE first INTO '$OUTPUT' USING PigStorage('|');
