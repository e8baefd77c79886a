import pathlib
import dataclasses

pp = pathlib.PurePosixPath("/usr/lib/python3.11/os.py")
print(pp.name, pp.suffix, pp.stem, pp.parent, pp.parts[:3], pp.with_suffix(".txt"), pp.relative_to("/usr"))
print(pp.is_absolute(), pathlib.PurePosixPath("a/b") / "c" / "d.tar.gz", pathlib.PurePosixPath("x.tar.gz").suffixes)
print(pathlib.PurePosixPath("a/./b/../c"), pathlib.PurePosixPath("/a").joinpath("b", "c"), pp.match("*.py"), pp.with_name("sys.py"))
print(repr(pathlib.PurePosixPath("a")), pathlib.PurePosixPath("a") == pathlib.PurePosixPath("a/"), sorted([pathlib.PurePosixPath("b"), pathlib.PurePosixPath("a")]))
print(pathlib.PureWindowsPath("C:/x/y.txt").drive, pathlib.PureWindowsPath(r"C:\\x\\y.txt").name)
p2 = pathlib.Path(dataclasses.__file__)
print(p2.exists(), p2.is_file(), p2.is_dir(), p2.parent.name, p2.read_text().startswith('import re'), p2.suffix)
here = pathlib.Path(".")
print(here.resolve().name, any(x.name == "lib_pathlib.py" for x in here.iterdir()), "lib_pathlib.py" in [x.name for x in here.glob("lib_path*.py")])
print(pathlib.Path("lib_pathlib.py").stat().st_size > 100, pathlib.Path("missing-file").exists())
try:
    pp.relative_to("/etc")
except ValueError as e:
    print("ValueError:", e)
