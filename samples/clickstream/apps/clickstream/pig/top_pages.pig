-- The most visited pages of the day by distinct visitors.
views = LOAD '$INPUT' USING PigStorage('\t')
        AS (user_id:chararray, ts:long, url:chararray, referrer:chararray,
            duration_ms:int, revenue:double);

visits = FOREACH views GENERATE url, user_id;

unique_visits = DISTINCT visits;

by_url = GROUP unique_visits BY url;

reach = FOREACH by_url GENERATE group AS url, COUNT(unique_visits) AS visitors;

ranked = ORDER reach BY visitors DESC, url ASC;

top = LIMIT ranked 10;

STORE top INTO '$OUTPUT' USING PigStorage('\t');
