"""What a data journalist would reach for: DuckDB reads the JSON Lines and writes the tenures
table as CSV, ordered by start (as text: EDTF sorts as ISO does for these dates), on all cores.

    python3 Benchmarks/duckdb_csv.py tenures.jsonl out.csv
"""
import sys

import duckdb

source, target = sys.argv[1], sys.argv[2]
duckdb.sql(f"""
    COPY (
        SELECT id, person, office, role, organization, place, country, category, start, "end", ongoing
        FROM read_json('{source}', format = 'newline_delimited', union_by_name = true,
            columns = {{type: 'VARCHAR', id: 'VARCHAR', person: 'VARCHAR', office: 'VARCHAR', role: 'VARCHAR',
                       organization: 'VARCHAR', place: 'VARCHAR', country: 'VARCHAR', category: 'VARCHAR',
                       start: 'VARCHAR', "end": 'VARCHAR', ongoing: 'BOOLEAN'}})
        WHERE type = 'tenure'
        ORDER BY start
    ) TO '{target}' (HEADER, DELIMITER ',')
""")
