A = load 'input/x' as (a:int, b:int, c:int, d:int, e:int);
B = foreach A generate $0, $1..$2, d..;
store B into 'output/x';
