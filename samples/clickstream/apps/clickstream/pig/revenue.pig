-- Revenue per country: purchases from the page-view log joined with the user directory.
views = LOAD '$INPUT' USING PigStorage('\t')
        AS (user_id:chararray, ts:long, url:chararray, referrer:chararray,
            duration_ms:int, revenue:double);

users = LOAD '$USERS' USING PigStorage(',')
        AS (user_id:chararray, name:chararray, country:chararray, signup_year:int);

purchases = FILTER views BY revenue IS NOT NULL AND revenue > 0.0;

buyers = JOIN purchases BY user_id, users BY user_id;

by_country = GROUP buyers BY country;

revenue = FOREACH by_country GENERATE
    group AS country,
    COUNT(buyers) AS orders,
    SUM(buyers.revenue) AS revenue,
    MAX(buyers.revenue) AS largest_order,
    MIN(buyers.signup_year) AS oldest_signup;

STORE revenue INTO '$OUTPUT' USING PigStorage(',');
