# multiprocessing.Pool with the fork start method: map, imap, imap_unordered, starmap,
# apply/apply_async, callbacks, errors re-raised with the remote traceback, close/join,
# initializer and maxtasksperchild, terminate.
from _mp_pool_common import run

if __name__ == "__main__":
    run("fork")
