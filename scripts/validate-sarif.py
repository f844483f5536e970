#!/usr/bin/env python3
"""Validates a SARIF log against the SARIF 2.1.0 JSON schema and checks it
holds results, so an empty or truncated log cannot pass."""
import json
import sys

import jsonschema

log_path, schema_path = sys.argv[1], sys.argv[2]
with open(log_path, encoding="utf-8") as f:
    log = json.load(f)
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.validators.validator_for(schema)
validator.check_schema(schema)
validator(schema).validate(log)
# SARIF wants the documentation of a rule at an absolute URI.
from urllib.parse import urlparse
for rule in log["runs"][0]["tool"]["driver"]["rules"]:
    if "helpUri" in rule and not urlparse(rule["helpUri"]).scheme:
        sys.exit(f"{log_path}: rule {rule['id']} has a relative helpUri {rule['helpUri']}")
results = log["runs"][0]["results"]
if not results:
    sys.exit(f"{log_path}: valid SARIF but no results; the golden files should produce many")
print(f"{log_path}: valid SARIF 2.1.0, {len(results)} results")
