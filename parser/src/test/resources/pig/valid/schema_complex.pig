A = load 'input/x' as (t:tuple(x:int, y:chararray), b:bag{r:tuple(p:int, q:double)}, m:map[int], n:map[], u:(v:int), w:{(z:long)});
store A into 'output/x';
