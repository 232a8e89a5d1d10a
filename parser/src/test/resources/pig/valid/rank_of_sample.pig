-- rank of sample: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
S = SAMPLE A 0.5;
r = RANK S;
STORE r INTO 'out/rank_of_sample';
