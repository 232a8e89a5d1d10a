A = load 'input/a' as (x:int);
G = group A all;
N = foreach G generate COUNT(A) as n;
B = limit A N.n / 2;
store B into 'output/x';
