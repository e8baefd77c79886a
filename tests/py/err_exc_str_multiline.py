# Uncaught exception whose message has several lines: the last stderr line is the message's last line.
raise RuntimeError("first line\nsecond line\nfinal line")
