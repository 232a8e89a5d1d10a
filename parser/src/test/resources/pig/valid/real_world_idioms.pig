-- Idioms public scripts use often (issue #15): '*' passing names on, a regex's groups flattened,
-- a GROUP's key tuple carried past the FOREACH that generates it, a GROUP's bag read after its ORDER ... LIMIT.
logs = LOAD 'access_log' USING TextLoader() AS (line:chararray);
users = LOAD 'users' USING PigStorage(',') AS (ip:chararray, name:chararray);

parsed = FOREACH logs GENERATE FLATTEN(REGEX_EXTRACT_ALL(line, '^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] "(\\S+) (\\S+)[^"]*" (\\d{3}) (\\S+)'))
    AS (ip:chararray, time:chararray, method:chararray, path:chararray, status:int, bytes:chararray);
valid = FILTER parsed BY ip IS NOT NULL;
pairs = FOREACH logs GENERATE FLATTEN(REGEX_EXTRACT_ALL(line, '(\\S+) (\\S+) .*')), line;
firsts = FOREACH pairs GENERATE $0, $1;

withName = JOIN valid BY ip LEFT OUTER, users BY ip;
tagged = FOREACH withName GENERATE *, (users::name IS NULL ? 'anonymous' : users::name) AS who;
kept = FOREACH tagged GENERATE valid::ip AS ip, method, status, who;

byKey = GROUP kept BY (method, status);
counts = FOREACH byKey GENERATE group, COUNT(kept) AS hits;
report = FOREACH counts GENERATE group.method, group.$1 AS status, (group.status >= 400 ? 'error' : 'ok') AS kind, hits;

-- The busiest method: the GROUP itself ORDERed and LIMITed, its bag flattened back into rows.
byMethod = GROUP kept BY method;
busiest = ORDER byMethod BY group DESC;
first = LIMIT busiest 1;
busiestRows = FOREACH first GENERATE FLATTEN(kept), COUNT(kept) AS n;

STORE report INTO 'report' USING PigStorage(',');
STORE busiestRows INTO 'busiest';
STORE firsts INTO 'firsts';
