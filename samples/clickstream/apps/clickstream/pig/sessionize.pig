-- Daily activity per user from the raw page-view log.
-- Produces one row per user: views, active span, time on site and a heavy/light segment.
%default MIN_DURATION '0'

views = LOAD '$INPUT' USING PigStorage('\t')
        AS (user_id:chararray, ts:long, url:chararray, referrer:chararray,
            duration_ms:int, revenue:double);

valid = FILTER views BY user_id IS NOT NULL AND user_id != '' AND duration_ms >= $MIN_DURATION;

by_user = GROUP valid BY user_id;

activity = FOREACH by_user GENERATE
    group AS user_id,
    COUNT(valid) AS views,
    MIN(valid.ts) AS first_ts,
    MAX(valid.ts) AS last_ts,
    SUM(valid.duration_ms) AS total_ms,
    AVG(valid.duration_ms) AS avg_ms;

sessions = FOREACH activity GENERATE
    user_id,
    views,
    (last_ts - first_ts) / 60 AS span_minutes,
    total_ms,
    (double) total_ms / views AS ms_per_view,
    (views >= 20 ? 'heavy' : 'light') AS segment;

STORE sessions INTO '$OUTPUT' USING PigStorage('\t');
