A = load 'input/flights' as (origin:chararray, carrier:chararray, delay:double);
G = group A by origin;
T = foreach G {
    best = order A by delay asc;
    best = limit best 3;
    late = filter A by delay > 15.0;
    late = filter late by carrier != 'XX';
    generate group, best.carrier, COUNT(late) as late_flights;
}
store T into 'output/top_carriers';
