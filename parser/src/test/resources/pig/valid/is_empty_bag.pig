A = load 'input/a' as (k:int, v:int);
B = group A by k;
C = filter B by not IsEmpty(A);
D = foreach C generate group, COUNT(A);
store D into 'output/x';
