A = load 'input/x' as (a:chararray, b:int, v:double);
B = group A by (a, b) parallel 4;
C = foreach B generate flatten(group) as (a, b), AVG(A.v);
store C into 'output/x';
