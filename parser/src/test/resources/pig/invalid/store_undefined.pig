A = load 'input/a' as (x:int);
store missing into 'output/x';
