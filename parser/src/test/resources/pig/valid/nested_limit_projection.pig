-- nested limit projection: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
G = GROUP A BY k;
r = FOREACH G { p = A.x; l = LIMIT p 2; GENERATE group, l; };
STORE r INTO 'out/nested_limit_projection';
