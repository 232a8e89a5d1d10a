A = load 'input/a' as (x:int);
B = sample A 0.1;
store B into 'output/x';
