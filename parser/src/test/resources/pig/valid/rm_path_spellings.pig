-- The removal that clears an output and the STORE that writes it, spelled differently (Hadoop's Path makes them one).
fs -rm -r -f daily_totals;
rmf ./by_user/;
fs -rm -r -f reports/./raw//;
raw = LOAD 'clicks' USING PigStorage('\t') AS (user:chararray, url:chararray, n:int);
by_user = GROUP raw BY user;
totals = FOREACH by_user GENERATE group AS user, SUM(raw.n) AS n;
STORE totals INTO './daily_totals';
STORE raw INTO 'by_user';
STORE raw INTO 'reports/tmp/../raw' USING PigStorage(',');
-- Read back under another spelling: the relation the script stored.
again = LOAD 'daily_totals/' AS (user:chararray, n:long);
big = FILTER again BY n > 10L;
STORE big INTO 'big_users';
