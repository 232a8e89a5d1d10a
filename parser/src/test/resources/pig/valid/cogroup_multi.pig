A = load 'input/a' as (k:int, x:chararray);
B = load 'input/b' as (k:int, y:chararray);
C = cogroup A by k inner, B by k outer;
D = foreach C generate group, COUNT(A), COUNT(B);
store D into 'output/x';
