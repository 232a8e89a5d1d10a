IMPORT 'macros/lib.pig';
A = load 'input/a' as (x:int);
B = top_n(A, x, 3);
C = top_n(B, x, 1);
store C into 'output/x';
