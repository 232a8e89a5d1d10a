A = load 'input/a' as (x:int);
B = filter Z by x > 0;
store B into 'output/x';
