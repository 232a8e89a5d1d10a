-- Pig's biginteger and bigdecimal: the text Pig prints, computed on by the runtime's PIG_BIG* functions.
accounts = LOAD 'input/accounts' USING PigStorage('\t') AS (id:biginteger, owner:chararray, balance:bigdecimal, visits:int);
positive = FILTER accounts BY balance > 0BD;
scored = FOREACH positive GENERATE id, owner, balance * 1.05BD AS grown, balance / visits AS per_visit, id + 1 AS next_id, (double) balance AS approx;
by_owner = GROUP scored BY owner;
totals = FOREACH by_owner GENERATE group AS owner, SUM(scored.grown) AS total, AVG(scored.grown) AS average, MAX(scored.id) AS last_id;
ranked = ORDER totals BY total DESC;
STORE ranked INTO 'output/totals';
