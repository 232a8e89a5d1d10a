-- Nested FOREACH blocks whose bags are views of their own, and a nested ORDER's bag read whole.
visits = LOAD 'visits' AS (user:chararray, url:chararray, ts:long);
by_user = GROUP visits BY user;
recent = FOREACH by_user {
    urls = DISTINCT visits.url;
    late = FILTER visits BY ts > 100L;
    newest = ORDER late BY ts DESC;
    top = LIMIT newest 3;
    GENERATE group AS user, COUNT(urls) AS distinct_urls, top;
};
pairs = FOREACH by_user {
    early = FILTER visits BY ts < 50L;
    late_ones = FILTER visits BY ts > 100L;
    both = CROSS early, late_ones;
    gaps = FOREACH both GENERATE late_ones::ts - early::ts AS gap;
    GENERATE group AS user, MAX(gaps.gap) AS widest;
};
sorted = FOREACH by_user {
    by_time = ORDER visits BY ts, url;
    GENERATE group AS user, BagToString(by_time.url, ',') AS path;
};
STORE recent INTO 'out/recent';
STORE pairs INTO 'out/pairs';
STORE sorted INTO 'out/sorted';
