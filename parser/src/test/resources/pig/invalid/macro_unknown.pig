A = load 'input/a' as (x:int);
B = nosuch_macro(A);
store B into 'output/x';
