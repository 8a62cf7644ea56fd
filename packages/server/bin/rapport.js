#!/usr/bin/env node
// `pnpm rapport <command>`: the root package depends on this one, so pnpm finds this bin and runs
// it without printing a script banner; stdout stays pure JSON.
import '../src/cli/main.ts';
