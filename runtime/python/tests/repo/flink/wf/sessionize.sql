-- sessionize: stands in for a translated Pig script (the fake runtime only reads its "-- fake:" lines)
CREATE TEMPORARY TABLE sessionize_out (k STRING) WITH ('connector' = 'filesystem', 'path' = '${OUTPUT}', 'format' = 'csv');
