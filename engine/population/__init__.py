"""Population runs for researchers: many persons × many jurisdictions × every support.

people.py       read a CSV or Parquet file of persons in chunks; validate each value
run.py          evaluate chunks with the vectorised back end, in process or on Dask
differences.py  which persons' answers differ between jurisdictions, and which readings cause it
output.py       one row per person × jurisdiction × support (Parquet or CSV), streamed
summary.py      share eligible per jurisdiction × support, differences and their causes (CSV)
synth.py        reproducible synthetic populations from a documented distribution file
plot.py         the summary as a heatmap and a bar chart (matplotlib)
"""
