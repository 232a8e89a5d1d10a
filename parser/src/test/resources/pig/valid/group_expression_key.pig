A = load 'input/x' as (a:chararray, v:int);
B = group A by SUBSTRING(a, 0, 1);
C = foreach B generate group, COUNT(A);
store C into 'output/x';
