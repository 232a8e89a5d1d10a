-- rank of flatten: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
C = LOAD 'c' AS (id:int, b:bag{t:(x:int,y:chararray)});
F = FOREACH C GENERATE id, FLATTEN(b);
r = RANK F;
STORE r INTO 'out/rank_of_flatten';
