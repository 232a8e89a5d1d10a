A = load 'input/a' as (x:int);
B = foreach A generate x as order;
store B into 'output/x';
