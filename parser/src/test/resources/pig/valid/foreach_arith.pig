A = load 'input/x' as (a:int, b:long, c:float, d:double);
B = foreach A generate a + 1, b * 2L, c / 2.0f, d - 1.5e3, a % 3, -a as neg;
store B into 'output/x';
