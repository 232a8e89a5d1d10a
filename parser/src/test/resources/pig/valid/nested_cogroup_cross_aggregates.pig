-- nested cogroup cross aggregates: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
G = COGROUP A BY k, B BY k;
r = FOREACH G { c = CROSS A, B; GENERATE group, MAX(c.x), SUM(c.v), COUNT(c), COUNT_STAR(c); };
STORE r INTO 'out/nested_cogroup_cross_aggregates';
