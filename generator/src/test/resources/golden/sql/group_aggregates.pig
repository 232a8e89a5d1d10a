-- GROUP BY one key with every skeleton aggregate; GROUP ALL.
clicks = LOAD '$INPUT' USING PigStorage('\t') AS (user:chararray, page:chararray, ms:int, price:double);
by_page = GROUP clicks BY page;
stats = FOREACH by_page GENERATE group AS page, COUNT(clicks) AS n, SUM(clicks.ms) AS total_ms,
                                 AVG(clicks.price) AS avg_price, MIN(clicks.ms) AS fastest, MAX(clicks.user) AS last_user;
everything = GROUP clicks ALL;
totals = FOREACH everything GENERATE COUNT_STAR(clicks) AS rows_seen, SUM(clicks.price) AS revenue;
STORE stats INTO '$OUTPUT/stats';
STORE totals INTO '$OUTPUT/totals';
