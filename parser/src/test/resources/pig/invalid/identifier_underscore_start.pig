_a = load 'input/a' as (x:int);
store _a into 'output/x';
