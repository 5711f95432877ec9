"""What users and commands do with the KPI catalogue, by topic:

- `catalogue`: definitions, their versions and the default catalogue shipped as data;
- `scopes`: the hierarchy of scopes and its closure;
- `values`: recording values (units checked and converted) and targets;
- `rollup`: totals up the hierarchy and over periods, with coverage.
"""
