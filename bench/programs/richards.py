"""Richards: simulation of a small operating-system task scheduler.

Measures: method calls on small objects, attribute reads/writes, linked-list
walking and polymorphic dispatch through per-task behaviour objects.

Algorithm: Martin Richards' scheduler benchmark (originally BCPL, 1980s).
Six tasks (idle, worker, two packet handlers, two devices) exchange
"packets" through work queues under a strict priority scheduler.  With the
classic parameters (idle count 10000) the run queues 23246 packets and
holds tasks 9297 times; the program verifies those counts every round.
Written from scratch for pyjit from the published description.
"""

import sys
import time

ITERATIONS = 54
IDLE_COUNT = 10000

# task identifiers
ID_IDLE = 1
ID_WORKER = 2
ID_HANDLER_A = 3
ID_HANDLER_B = 4
ID_DEVICE_A = 5
ID_DEVICE_B = 6

# packet kinds
KIND_DEVICE = 1000
KIND_WORK = 1001

PAYLOAD = 4
LETTER_A = 65


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 4


class Packet(object):
    def __init__(self, next_packet, owner, kind):
        self.next = next_packet
        self.owner = owner
        self.kind = kind
        self.value = 0
        self.payload = [0] * PAYLOAD

    def enqueue_onto(self, head):
        """Append self at the end of the queue starting at head; return head."""
        self.next = None
        if head is None:
            return self
        node = head
        while node.next is not None:
            node = node.next
        node.next = self
        return head


class Kernel(object):
    """Global scheduler state: the task table and statistics."""

    def __init__(self):
        self.table = [None] * 7
        self.first = None
        self.current = None
        self.queued = 0
        self.held = 0

    def add(self, task):
        self.table[task.ident] = task
        task.next = self.first
        self.first = task

    def run(self):
        task = self.first
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                self.current = task
                task = task.step()

    # -- services used by task bodies -----------------------------------
    def send(self, packet):
        target = self.table[packet.owner]
        self.queued += 1
        packet.next = None
        cur = self.current
        packet.owner = cur.ident
        return target.deliver(packet, cur)

    def wake(self, ident):
        target = self.table[ident]
        target.held = False
        cur = self.current
        if target.priority > cur.priority:
            return target
        return cur

    def hold_current(self):
        self.held += 1
        cur = self.current
        cur.held = True
        return cur.next

    def suspend_current(self):
        cur = self.current
        cur.waiting = True
        return cur


class Task(object):
    def __init__(self, kernel, ident, priority, queue, waiting):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None
        self.waiting = waiting
        self.held = False
        self.next = None
        kernel.add(self)

    def blocked(self):
        return self.held or (self.waiting and not self.pending)

    def step(self):
        packet = None
        if self.pending and self.waiting and not self.held:
            packet = self.queue
            self.queue = packet.next
            self.waiting = False
            self.pending = self.queue is not None
        return self.body(packet)

    def deliver(self, packet, sender):
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            packet.enqueue_onto(self.queue)
        return sender

    def body(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, count):
        Task.__init__(self, kernel, ID_IDLE, 0, None, False)
        self.seed = 1
        self.count = count

    def body(self, packet):
        k = self.kernel
        self.count -= 1
        if self.count == 0:
            return k.hold_current()
        seed = self.seed
        if seed & 1 == 0:
            self.seed = seed >> 1
            return k.wake(ID_DEVICE_A)
        self.seed = (seed >> 1) ^ 0xD008
        return k.wake(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, kernel, queue):
        Task.__init__(self, kernel, ID_WORKER, 1000, queue, True)
        self.target = ID_HANDLER_A
        self.letter = 0

    def body(self, packet):
        k = self.kernel
        if packet is None:
            return k.suspend_current()
        if self.target == ID_HANDLER_A:
            self.target = ID_HANDLER_B
        else:
            self.target = ID_HANDLER_A
        packet.owner = self.target
        packet.value = 0
        payload = packet.payload
        letter = self.letter
        for i in range(PAYLOAD):
            letter += 1
            if letter > 26:
                letter = 1
            payload[i] = LETTER_A + letter - 1
        self.letter = letter
        return k.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue, True)
        self.jobs = None
        self.devices = None

    def body(self, packet):
        k = self.kernel
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.jobs = packet.enqueue_onto(self.jobs)
            else:
                self.devices = packet.enqueue_onto(self.devices)
        job = self.jobs
        if job is not None:
            pos = job.value
            if pos < PAYLOAD:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.next
                    dev.value = job.payload[pos]
                    job.value = pos + 1
                    return k.send(dev)
            else:
                self.jobs = job.next
                return k.send(job)
        return k.suspend_current()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority):
        Task.__init__(self, kernel, ident, priority, None, True)
        self.slot = None
        self.total = 0

    def body(self, packet):
        k = self.kernel
        if packet is None:
            slot = self.slot
            if slot is None:
                return k.suspend_current()
            self.slot = None
            return k.send(slot)
        self.slot = packet
        self.total += packet.value
        return k.hold_current()


def simulate(idle_count):
    k = Kernel()
    IdleTask(k, idle_count)

    q = Packet(None, 0, KIND_WORK)
    q = Packet(q, 0, KIND_WORK)
    WorkerTask(k, q)

    q = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    HandlerTask(k, ID_HANDLER_A, 2000, q)

    q = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    HandlerTask(k, ID_HANDLER_B, 3000, q)

    dev_a = DeviceTask(k, ID_DEVICE_A, 4000)
    dev_b = DeviceTask(k, ID_DEVICE_B, 5000)

    k.run()
    return k.queued, k.held, dev_a.total, dev_b.total


def main():
    report = _iter_times_wanted()
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        queued, held, total_a, total_b = simulate(IDLE_COUNT)
        if queued != 23246 or held != 9297:
            raise RuntimeError("richards: wrong result %d %d" % (queued, held))
        digest = (digest * 31 + queued * 7 + held * 3 + total_a + total_b) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
