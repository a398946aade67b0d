export VALUE="sha256~ezcEUo-jgSBGEnozH32-4xtfZMusTwTRZV6X2mS-_wS"
