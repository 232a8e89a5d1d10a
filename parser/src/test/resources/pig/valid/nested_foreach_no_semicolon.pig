A = load 'input/a' as (k:int, v:int);
B = group A by k;
C = foreach B { o = order A by v; generate group, o; }
D = foreach B { generate group, COUNT(A); };
store C into 'output/c';
store D into 'output/d';
