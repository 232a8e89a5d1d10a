-- nested block over loaded bag: accepted by Pig 0.18 (local mode)
A = LOAD 'a' USING PigStorage('\t') AS (k:int, x:int, y:chararray);
B = LOAD 'b' USING PigStorage('\t') AS (k:int, v:int);
C = LOAD 'c' AS (id:int, b:bag{t:(x:int,y:chararray)});
r = FOREACH C { f = FILTER b BY x > 1; o = ORDER f BY y; GENERATE id, COUNT(f), o; };
STORE r INTO 'out/nested_block_over_loaded_bag';
