-- rank of a group by two keys: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
G = GROUP A BY (k, y);
r = RANK G;
STORE r INTO 'out/rank_of_group_two_keys';
C = FOREACH G GENERATE group, COUNT(A) AS n;
r2 = RANK C;
STORE r2 INTO 'out/rank_of_group_two_keys_foreach';
