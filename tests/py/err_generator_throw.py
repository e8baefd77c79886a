# Exception thrown into a generator that does not handle it propagates out uncaught.
def worker():
    print("worker started")
    while True:
        job = yield
        print("processing", job)
w = worker()
next(w)
w.send("job-1")
w.throw(TimeoutError("job took too long"))
