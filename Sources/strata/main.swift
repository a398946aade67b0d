import StrataCLI
StrataMain.run()
