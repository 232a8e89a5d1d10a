A = load 'input/x' as (a:chararray, b:chararray);
B = filter A by a eq b or a neq 'z' or a gt 'm' or a lt 'c' or a gte 'd' or a lte 'e';
store B into 'output/x';
