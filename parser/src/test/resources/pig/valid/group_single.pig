A = load 'input/x' as (k:chararray, v:int);
B = group A by k;
C = foreach B generate group, COUNT(A), SUM(A.v) as total;
store C into 'output/x';
