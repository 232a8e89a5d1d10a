A = load 'input/a' as (x:int, y:int);
B = rank A by * desc;
store B into 'output/x';
