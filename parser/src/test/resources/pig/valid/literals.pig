A = load 'input/x' as (a:int);
B = foreach A generate 1, 2L, 3.5, 4.5f, 1e10, 'str\tx', true, false, null;
store B into 'output/x';
