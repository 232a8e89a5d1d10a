A = load 'input/a' as (x:int);
B = foreach A generate x + ;
store B into 'output/x';
