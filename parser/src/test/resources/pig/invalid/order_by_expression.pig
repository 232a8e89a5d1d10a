A = load 'input/a' as (x:int);
B = order A by x + 1;
store B into 'output/x';
