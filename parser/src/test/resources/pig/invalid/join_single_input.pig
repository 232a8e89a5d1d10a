A = load 'input/a' as (x:int);
B = join A by x;
store B into 'output/x';
