A = load 'input/a' as (x:int);
B = A;
store B into 'output/x';
