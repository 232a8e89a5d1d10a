A = load 'input/x' as (a:int);
B = foreach A generate (1, 'a') as t, {(1), (2)} as b, ['k'#1, 'j'#2] as m;
store B into 'output/x';
