# The module specs and loaders that describe modules imported from .py files.
# Executed once, on the first import from a file, as _frozen_importlib_external.


class ModuleSpec:
    __module__ = '_frozen_importlib'

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        # Same fields, order and layout as CPython's ModuleSpec repr.
        parts = ['name=' + repr(self.name), 'loader=' + repr(self.loader)]
        if self.origin is not None:
            parts.append('origin=' + repr(self.origin))
        locations = self.submodule_search_locations
        if locations is not None:
            parts.append('submodule_search_locations=' + str(locations))
        return type(self).__name__ + '(' + ', '.join(parts) + ')'

    def __eq__(self, other):
        fields = ('name', 'loader', 'origin', 'submodule_search_locations', 'cached', 'has_location')
        for field in fields:
            try:
                mine, theirs = getattr(self, field), getattr(other, field)
            except AttributeError:
                return NotImplemented
            if mine != theirs:
                return False
        return True

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class SourceFileLoader:

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rsplit('.', 1)[0] == '__init__'

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def get_source(self, fullname):
        return self.get_data(self.path).decode()


def spec_for_file(name, path, is_package, cached):
    loader = SourceFileLoader(name, path)
    spec = ModuleSpec(name, loader, origin=path, is_package=is_package)
    spec.has_location = True
    spec.cached = cached
    if is_package:
        spec.submodule_search_locations.append(path.rpartition('/')[0])
    return spec
