from wetdiff.cli import main

main()
