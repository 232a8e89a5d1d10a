DEFINE m(R) RETURNS S { $S = distinct $R; };
A = load 'input/a' as (x:int);
B = m(A, A);
store B into 'output/x';
