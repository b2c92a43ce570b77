from clausier.cli import main

main()
