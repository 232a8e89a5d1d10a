A = load 'input/a' as (x:int);
B = foreach A generate x > 1 ? 'a' : 'b';
store B into 'output/x';
