-- rank of jsonloader: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
J = LOAD 'j' USING JsonLoader('k:int, x:int');
r = RANK J;
STORE r INTO 'out/rank_of_jsonloader';
