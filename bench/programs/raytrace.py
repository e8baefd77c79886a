"""Raytrace: a small recursive Whitted-style ray tracer.

Measures: vector objects created in large numbers, float arithmetic,
virtual dispatch over scene objects (spheres, planes), recursion, and
writes into an in-memory pixel buffer.

Algorithm: classic ray tracing (Whitted, "An Improved Illumination Model
for Shaded Display", 1980): primary rays from a pinhole camera, nearest
intersection against spheres and a checkered ground plane, Lambert diffuse
+ Phong specular shading with shadow rays, and mirror reflections up to a
fixed depth.  The image goes to a list of RGB integers.  Written from
scratch for pyjit.
"""

import math
import sys
import time

ITERATIONS = 24
WIDTH = 64
HEIGHT = 48
MAX_DEPTH = 3
EPSILON = 1e-6


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2


class Vec(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vec(%r, %r, %r)" % (self.x, self.y, self.z)

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def reflect(self, normal):
        return self - normal.scale(2.0 * self.dot(normal))


BLACK = Vec(0.0, 0.0, 0.0)


class Ray(object):
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Material(object):
    def __init__(self, color, diffuse, specular, shininess, mirror):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, color_a, color_b, size, diffuse, specular, shininess, mirror):
        Material.__init__(self, color_a, diffuse, specular, shininess, mirror)
        self.other = color_b
        self.size = size

    def color_at(self, point):
        ix = int(math.floor(point.x / self.size))
        iz = int(math.floor(point.z / self.size))
        if (ix + iz) & 1:
            return self.other
        return self.color


class Sphere(object):
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.r2 = radius * radius
        self.material = material

    def hit(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return -1.0

    def normal_at(self, point):
        return (point - self.center).unit()


class Plane(object):
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.unit()
        self.material = material

    def hit(self, ray):
        denom = ray.direction.dot(self.normal)
        if -EPSILON < denom < EPSILON:
            return -1.0
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return -1.0

    def normal_at(self, point):
        return self.normal


class Light(object):
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera(object):
    def __init__(self, eye, target, up, fov_degrees, width, height):
        self.eye = eye
        self.forward = (target - eye).unit()
        self.right = self.forward.cross(up).unit()
        self.up = self.right.cross(self.forward)
        self.width = width
        self.height = height
        half = math.tan(math.radians(fov_degrees) / 2.0)
        self.half_w = half
        self.half_h = half * height / width

    def ray_for(self, px, py):
        sx = ((px + 0.5) / self.width * 2.0 - 1.0) * self.half_w
        sy = (1.0 - (py + 0.5) / self.height * 2.0) * self.half_h
        d = self.forward + self.right.scale(sx) + self.up.scale(sy)
        return Ray(self.eye, d.unit())


class Scene(object):
    def __init__(self, objects, lights, ambient, background):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient
        self.background = background
        self.rays_cast = 0

    def nearest(self, ray):
        self.rays_cast += 1
        best_t = -1.0
        best = None
        for obj in self.objects:
            t = obj.hit(ray)
            if t > 0.0 and (best is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, light_pos):
        to_light = light_pos - point
        dist = to_light.length()
        ray = Ray(point, to_light.scale(1.0 / dist))
        self.rays_cast += 1
        for obj in self.objects:
            t = obj.hit(ray)
            if 0.0 < t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        point = point + normal.scale(1e-4)
        mat = obj.material
        base = mat.color_at(point)
        color = base.mul(self.ambient)
        for light in self.lights:
            if self.in_shadow(point, light.position):
                continue
            to_light = (light.position - point).unit()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + base.mul(light.color).scale(lambert * mat.diffuse)
                half = (to_light - ray.direction).unit()
                spec = normal.dot(half)
                if spec > 0.0:
                    color = color + light.color.scale(mat.specular * spec ** mat.shininess)
        if mat.mirror > 0.0 and depth < MAX_DEPTH:
            bounce = Ray(point, ray.direction.reflect(normal))
            color = color + self.trace(bounce, depth + 1).scale(mat.mirror)
        return color


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def build_scene(phase):
    shiny_red = Material(Vec(0.9, 0.2, 0.2), 0.8, 0.5, 32.0, 0.25)
    glossy_blue = Material(Vec(0.2, 0.3, 0.9), 0.7, 0.8, 64.0, 0.4)
    matte_green = Material(Vec(0.3, 0.8, 0.3), 0.9, 0.1, 8.0, 0.0)
    mirror = Material(Vec(0.9, 0.9, 0.9), 0.2, 0.9, 128.0, 0.7)
    floor = Checker(Vec(0.95, 0.95, 0.95), Vec(0.1, 0.1, 0.1), 1.0, 0.8, 0.2, 16.0, 0.2)
    shift = phase * 0.25
    objects = [
        Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor),
        Sphere(Vec(-1.5 + shift, 1.0, 0.0), 1.0, shiny_red),
        Sphere(Vec(1.2, 0.8 + shift * 0.5, -0.8), 0.8, glossy_blue),
        Sphere(Vec(0.2, 0.5, 1.6 - shift), 0.5, matte_green),
        Sphere(Vec(0.0, 2.6, -3.0), 1.5, mirror),
    ]
    lights = [
        Light(Vec(-4.0, 6.0, 5.0), Vec(0.8, 0.8, 0.8)),
        Light(Vec(5.0, 4.0, 2.0), Vec(0.4, 0.35, 0.3)),
    ]
    return Scene(objects, lights, Vec(0.1, 0.1, 0.12), Vec(0.05, 0.07, 0.15))


def render(phase, width, height):
    scene = build_scene(phase)
    camera = Camera(Vec(0.0, 2.0, 7.0), Vec(0.0, 1.0, 0.0), Vec(0.0, 1.0, 0.0),
                    55.0, width, height)
    pixels = [0] * (width * height * 3)
    i = 0
    for py in range(height):
        for px in range(width):
            c = scene.trace(camera.ray_for(px, py), 0)
            pixels[i] = to_byte(c.x)
            pixels[i + 1] = to_byte(c.y)
            pixels[i + 2] = to_byte(c.z)
            i += 3
    return pixels, scene.rays_cast


def digest_pixels(pixels):
    h = 0
    for v in pixels:
        h = (h * 31 + v) % 4294967291
    return h


def main():
    report = _iter_times_wanted()
    digest = 0
    rays = 0
    brightness = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        pixels, cast = render(it % 6, WIDTH, HEIGHT)
        rays += cast
        brightness += sum(pixels)
        digest = (digest * 7 + digest_pixels(pixels)) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d %d %d" % (rays, brightness, digest))


if __name__ == "__main__":
    main()
