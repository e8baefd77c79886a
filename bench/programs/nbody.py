"""N-body: symplectic-Euler simulation of the Jovian planets around the Sun.

Measures: floating-point arithmetic on list elements, tuple unpacking and
nested loops over a small fixed set of bodies.

Algorithm: the classic pairwise-force N-body integration (as popularised by
the Computer Language Benchmarks Game), using the published orbital
elements of Jupiter, Saturn, Uranus and Neptune.  Each outer iteration
resets the system, offsets the Sun's momentum, and advances a fixed number
of steps; total energy is recorded before and after.  Written from scratch
for pyjit.
"""

import sys
import time

ITERATIONS = 44
STEPS = 10000
DT = 0.01

PI = 3.14159265358979323
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 3


def make_system():
    """Return a list of bodies; each body is [pos(list3), vel(list3), mass]."""
    planets = [
        # Jupiter
        ((4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
         (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
         9.54791938424326609e-04),
        # Saturn
        ((8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
         (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
         2.85885980666130812e-04),
        # Uranus
        ((1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
         (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
         4.36624404335156298e-05),
        # Neptune
        ((1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
         (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
         5.15138902046611451e-05),
    ]
    bodies = [[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS]]
    for pos, vel, mass in planets:
        bodies.append([list(pos),
                       [v * DAYS_PER_YEAR for v in vel],
                       mass * SOLAR_MASS])
    return bodies


def pairs_of(bodies):
    result = []
    n = len(bodies)
    for i in range(n):
        for j in range(i + 1, n):
            result.append((bodies[i], bodies[j]))
    return result


def offset_momentum(bodies):
    px = py = pz = 0.0
    for pos, vel, mass in bodies:
        px -= vel[0] * mass
        py -= vel[1] * mass
        pz -= vel[2] * mass
    sun_vel = bodies[0][1]
    sun_mass = bodies[0][2]
    sun_vel[0] = px / sun_mass
    sun_vel[1] = py / sun_mass
    sun_vel[2] = pz / sun_mass


def energy(bodies, pairs):
    e = 0.0
    for pos, vel, mass in bodies:
        e += 0.5 * mass * (vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2])
    for (p1, v1, m1), (p2, v2, m2) in pairs:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            f1 = m1 * mag
            f2 = m2 * mag
            v1[0] -= dx * f2
            v1[1] -= dy * f2
            v1[2] -= dz * f2
            v2[0] += dx * f1
            v2[1] += dy * f1
            v2[2] += dz * f1
        for pos, vel, mass in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]


def main():
    report = _iter_times_wanted()
    start = end = 0.0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        bodies = make_system()
        pairs = pairs_of(bodies)
        offset_momentum(bodies)
        start = energy(bodies, pairs)
        advance(bodies, pairs, DT, STEPS)
        end = energy(bodies, pairs)
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %.9f %.9f" % (start, end))


if __name__ == "__main__":
    main()
