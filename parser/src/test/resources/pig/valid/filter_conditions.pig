A = load 'input/x' as (a:int, b:chararray, c:double);
B = filter A by (a > 1 and b is not null) or not (c <= 2.5);
C = filter B by b matches '.*abc.*' and a != 3;
D = filter C by b is null or a >= 10;
store D into 'output/x';
