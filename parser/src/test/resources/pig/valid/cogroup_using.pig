A = load 'input/a' as (k:int, x:chararray);
B = load 'input/b' as (k:int, y:chararray);
C = cogroup A by k inner, B by k;
D = group A by k inner;
store C into 'output/c';
store D into 'output/d';
