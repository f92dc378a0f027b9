from policyparse.cli import main

raise SystemExit(main())
