-- Pig's DUMP prints a relation: each one becomes a sink of the job printing its rows as Pig does.
visits = LOAD '$INPUT' USING PigStorage(',') AS (user:chararray, url:chararray, ms:long);
by_user = GROUP visits BY user;
totals = FOREACH by_user GENERATE group AS user, SUM(visits.ms) AS ms, visits.url AS urls;
ranked = ORDER totals BY ms DESC;
DUMP ranked;
slow = FILTER visits BY ms > 1000;
DUMP slow;
STORE totals INTO '$OUTPUT';
DESCRIBE totals;
