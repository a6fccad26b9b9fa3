#!/usr/bin/env bash
# A "VS Code executable" for @vscode/test-electron's runTests on machines without desktop VS
# Code: forwards the launcher's arguments to the code-server harness.
exec node "$(dirname "$0")/run-tests.mjs" "$@"
