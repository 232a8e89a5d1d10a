A = load 'input/x' as (v:int);
B = distinct A;
explain B;
