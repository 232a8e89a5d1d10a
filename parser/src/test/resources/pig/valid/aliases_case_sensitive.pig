A = load 'input/x' as (v:int);
a = load 'input/y' as (v:int);
B = union A, a;
store B into 'output/u';
