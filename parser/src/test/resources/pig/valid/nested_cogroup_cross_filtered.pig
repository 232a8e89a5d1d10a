-- nested cogroup cross filtered: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
G = COGROUP A BY k, B BY k;
r = FOREACH G { fa = FILTER A BY x > 1; fb = FILTER B BY v < 60; c = CROSS fa, fb; GENERATE group, FLATTEN(c); };
STORE r INTO 'out/nested_cogroup_cross_filtered';
