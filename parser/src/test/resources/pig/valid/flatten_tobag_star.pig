-- flatten of tobag(*) of a load without as: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage(',');
B = FOREACH A GENERATE FLATTEN(TOBAG(*)) AS v;
C = GROUP B BY v;
D = FOREACH C GENERATE group, COUNT(B);
STORE D INTO 'out/flatten_tobag_star';
