from fazhi.ingest import main

main()
