# A loop-carried float boxed at the closing jump: the box must be made from the value of
# the current iteration (a fuzzer find: it reused the preamble's box of the first value).
def main():
    a1 = 18
    f0 = False
    f1 = True
    f2 = 98834
    w2 = -1
    w0 = 0
    while True:
        w0 += 1
        if w0 > 25:
            break
        f1 += ((f1 - w2) + (a1 / float('inf')))
        if f1 > 1237940039285380274899124224 or f1 < -1237940039285380274899124224:
            f1 = f1 % 1000003
        f1, f0, f2 = f0, f2, f1
    print(f0, f1, f2)
main()
