from procure_check.cli import main

main()
