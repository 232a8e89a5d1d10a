A = load 'input/a' as (x:int);
split A into B otherwise, C if x > 0;
store B into 'output/x';
