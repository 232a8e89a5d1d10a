A = load 'input/a' as (x:int);
B = filter A by flatten(x);
store B into 'output/x';
