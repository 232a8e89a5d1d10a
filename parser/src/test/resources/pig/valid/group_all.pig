A = load 'input/x' as (v:int);
B = group A all;
C = foreach B generate COUNT_STAR(A) as n, MAX(A.v) as mx;
store C into 'output/x';
