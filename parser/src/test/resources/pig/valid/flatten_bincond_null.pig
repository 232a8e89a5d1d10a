-- flatten of a bincond with a null branch: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (n:int, t:tuple(a:int, b:chararray));
B = FOREACH A GENERATE FLATTEN((n > 3 ? null : t)), n;
STORE B INTO 'out/flatten_bincond_null_first';
C = FOREACH A GENERATE n, FLATTEN((n > 3 ? t : null));
D = FILTER C BY a > 1;
STORE D INTO 'out/flatten_bincond_null_last';
