"""python -m newsclean"""

from .cli import main

main()
