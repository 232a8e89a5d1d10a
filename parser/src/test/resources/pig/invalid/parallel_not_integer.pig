A = load 'input/a' as (x:int);
B = group A by x parallel 2.5;
store B into 'output/x';
