A = load 'input/events.json' using org.apache.pig.builtin.JsonLoader('id:int, name:chararray, tags:{(t:chararray)}');
B = foreach A generate id, UPPER(name) as name, SIZE(tags) as n;
store B into 'output/events' using org.apache.pig.builtin.JsonStorage();
