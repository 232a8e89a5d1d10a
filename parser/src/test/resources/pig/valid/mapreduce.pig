A = load 'input/a' as (x:chararray);
B = mapreduce 'wordcount.jar' store A into 'mr/in' load 'mr/out' as (word:chararray, n:int) `org.example.WordCount mr/in mr/out`;
store B into 'output/x';
