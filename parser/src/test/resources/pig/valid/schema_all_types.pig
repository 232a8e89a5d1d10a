A = load 'input/x' as (a:int, b:long, c:float, d:double, e:chararray, f:bytearray, g:boolean, h:datetime, i:biginteger, j:bigdecimal);
store A into 'output/x';
