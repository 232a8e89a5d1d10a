load = load 'input/a' as (x:int);
store load into 'output/x';
