-- rank of distinct: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
D = DISTINCT A;
r = RANK D;
STORE r INTO 'out/rank_of_distinct';
