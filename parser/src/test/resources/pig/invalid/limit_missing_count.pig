A = load 'input/a' as (x:int);
B = limit A;
store B into 'output/x';
