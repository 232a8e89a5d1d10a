-- nested cogroup distinct whole: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
G = COGROUP A BY k, B BY k;
r = FOREACH G { d = DISTINCT A.x; GENERATE group, d; };
STORE r INTO 'out/nested_cogroup_distinct_whole';
