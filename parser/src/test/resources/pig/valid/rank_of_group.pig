-- rank of group: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
G = GROUP A BY k;
r = RANK G;
STORE r INTO 'out/rank_of_group';
