from fazhi.ingest.stage import main

main()
